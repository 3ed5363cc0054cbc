using Avro;
using Avro.Specific;

namespace Shop.Avro;

// What avrogen generates for a record, trimmed to what the serializer touches.
public class StockReserved : ISpecificRecord
{
    public static Schema _SCHEMA = Schema.Parse(
        "{\"type\":\"record\",\"name\":\"StockReserved\",\"namespace\":\"Shop.Avro\",\"doc\":\"Stock held for an order.\"," +
        "\"fields\":[{\"name\":\"sku\",\"type\":\"string\"},{\"name\":\"count\",\"type\":\"int\",\"default\":1}," +
        "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}");

    public virtual Schema Schema => _SCHEMA;

    public string sku { get; set; } = "";
    public int count { get; set; }
    public string? note { get; set; }

    public virtual object? Get(int fieldPos) => fieldPos switch
    {
        0 => sku,
        1 => count,
        2 => note,
        _ => throw new AvroRuntimeException("Bad index " + fieldPos + " in Get()"),
    };

    public virtual void Put(int fieldPos, object fieldValue)
    {
        switch (fieldPos)
        {
            case 0: sku = (string)fieldValue; break;
            case 1: count = (int)fieldValue; break;
            case 2: note = (string?)fieldValue; break;
            default: throw new AvroRuntimeException("Bad index " + fieldPos + " in Put()");
        }
    }
}

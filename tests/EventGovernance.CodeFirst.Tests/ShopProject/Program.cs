using System.Reflection;
using System.Runtime.CompilerServices;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using NJsonSchema.NewtonsoftJson.Generation;
using Shop;

// Records what Confluent's own serializers send to the registry for each type, one file per type in args[0]:
// the expected text for the derivation tests.
string output = args[0];
Directory.CreateDirectory(output);

Json<OrderPlaced>("OrderPlaced");
Json<CustomerRegistered>("CustomerRegistered");
Json<ShipmentDispatched>("ShipmentDispatched");
Json<NullableReferences>("NullableReferences");
Json<OrderStatusChanged>("OrderStatusChanged");
Json<Outer.InnerEvent>("InnerEvent");
Json<WithLists>("WithLists");
Json<WithDictionaries>("WithDictionaries");
Json<PaymentReceived>("PaymentReceived");
Json<WithJsonProperty>("WithJsonProperty");
Json<WithJsonIgnore>("WithJsonIgnore");
Json<OrderRefunded>("OrderRefunded");
Json<Envelope<OrderPlaced>>("EnvelopeOfOrderPlaced");
Json<OrderStatusChanged>("OrderStatusChanged.settings", SerializerSettings.CamelCaseStringEnums);
Avro<Shop.Avro.StockReserved>("StockReserved");

// Confluent.SchemaRegistry.Serdes.Protobuf is not on this feed: its ProtobufSerializer<T> registers exactly this
// expression (value.Descriptor.File.SerializedData.ToBase64()), so the expected text is that, from Google.Protobuf itself.
File.WriteAllText(Path.Combine(output, "Timestamp.b64"), Google.Protobuf.WellKnownTypes.Timestamp.Descriptor.File.SerializedData.ToBase64());

void Json<T>(string key, NewtonsoftJsonSchemaGeneratorSettings? settings = null) where T : class =>
    Record(key, ".json", client => new JsonSerializer<T>(client, null, settings).SerializeAsync(Blank<T>(), Context()));

void Avro<T>(string key) where T : class =>
    Record(key, ".avsc", client => new AvroSerializer<T>(client).SerializeAsync(Blank<T>(), Context()));

void Record(string key, string extension, Func<ISchemaRegistryClient, Task> serialize)
{
    ISchemaRegistryClient client = DispatchProxy.Create<ISchemaRegistryClient, RecordingRegistryClient>();
    try
    {
        serialize(client).GetAwaiter().GetResult();
    }
    catch (RecordedException)
    {
        // Expected: the recording client stops the serializer once it has seen the schema.
    }
    string text = ((RecordingRegistryClient)(object)client).Registered
        ?? throw new InvalidOperationException($"the serializer registered nothing for {key}");
    File.WriteAllText(Path.Combine(output, key + extension), text);
}

static T Blank<T>() => (T)RuntimeHelpers.GetUninitializedObject(typeof(T));

static SerializationContext Context() => new(MessageComponentType.Value, "shop-events");

/// <summary>An ISchemaRegistryClient that records the first schema text a serializer sends, then stops it.</summary>
public class RecordingRegistryClient : DispatchProxy
{
    public string? Registered { get; private set; }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        foreach (object? arg in args ?? Array.Empty<object?>())
        {
            if (arg is Schema schema)
            {
                Registered ??= schema.SchemaString;
                throw new RecordedException();
            }
        }
        if (method == null || method.ReturnType == typeof(void)) return null;
        if (method.ReturnType == typeof(Task)) return Task.CompletedTask;
        if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            // Lookups before registering (subject name strategies, say) find nothing.
            Type result = method.ReturnType.GetGenericArguments()[0];
            return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(result).Invoke(null, new[] { Empty(result) });
        }
        return Empty(method.ReturnType);
    }

    private static object? Empty(Type type) =>
        type.IsValueType || (!type.IsAbstract && type.GetConstructor(Type.EmptyTypes) != null && type != typeof(string))
            ? Activator.CreateInstance(type)
            : null;
}

public class RecordedException : Exception
{
}

using Newtonsoft.Json;

namespace Shop;

// One type per shape JsonSerializer<T> has to handle.

public class OrderPlaced
{
    public string OrderId { get; set; } = "";
    public int Quantity { get; set; }
    public decimal Total { get; set; }
    public DateTime PlacedAt { get; set; }
    public Guid CustomerId { get; set; }
}

public record CustomerRegistered
{
    public string Name { get; init; } = "";
    public string Email { get; init; } = "";
}

public record ShipmentDispatched(string ShipmentId, int Parcels, DateTimeOffset DispatchedAt);

public class NullableReferences
{
    public string Required { get; set; } = "";
    public string? Optional { get; set; }
    public Address? BillingAddress { get; set; }
    public Address ShippingAddress { get; set; } = new();
    public int? Rating { get; set; }
}

public class Address
{
    public string Street { get; set; } = "";
    public string City { get; set; } = "";
}

public enum OrderStatus
{
    Pending,
    Paid,
    Shipped,
}

public class OrderStatusChanged
{
    public string OrderId { get; set; } = "";
    public OrderStatus Status { get; set; }
    public OrderStatus? PreviousStatus { get; set; }
}

public class Outer
{
    public class InnerEvent
    {
        public string Value { get; set; } = "";
    }
}

public class WithLists
{
    public List<string> Tags { get; set; } = new();
    public IReadOnlyList<LineItem> Lines { get; set; } = Array.Empty<LineItem>();
    public int[] Scores { get; set; } = Array.Empty<int>();
}

public class LineItem
{
    public string Sku { get; set; } = "";
    public int Count { get; set; }
}

public class WithDictionaries
{
    public Dictionary<string, int> Counts { get; set; } = new();
    public IDictionary<string, LineItem> ItemsBySku { get; set; } = new Dictionary<string, LineItem>();
}

public abstract class EventBase
{
    public Guid EventId { get; set; }
    public DateTime OccurredAt { get; set; }
}

public class PaymentReceived : EventBase
{
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "";
}

public class WithJsonProperty
{
    [JsonProperty("order_id")]
    public string OrderId { get; set; } = "";

    [JsonProperty(Required = Required.Always)]
    public string Mandatory { get; set; } = "";

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Note { get; set; }
}

public class WithJsonIgnore
{
    public string Visible { get; set; } = "";

    [JsonIgnore]
    public string Hidden { get; set; } = "";
}

/// <summary>An order was refunded.</summary>
public class OrderRefunded
{
    /// <summary>The order the refund is for.</summary>
    public string OrderId { get; set; } = "";

    /// <summary>Refunded amount, in the order's currency.</summary>
    public decimal Amount { get; set; }
}

public class Envelope<T>
{
    public string Source { get; set; } = "";
    public T? Payload { get; set; }
}

public struct NotAClass
{
    public int Value { get; set; }
}

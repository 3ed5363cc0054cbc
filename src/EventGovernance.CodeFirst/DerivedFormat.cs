namespace EventGovernance.CodeFirst;

/// <summary>Which Confluent serializer the schema is derived for.</summary>
public enum DerivedFormat
{
    /// <summary><c>JsonSerializer&lt;T&gt;</c> (Confluent.SchemaRegistry.Serdes.Json).</summary>
    Json,

    /// <summary><c>AvroSerializer&lt;T&gt;</c> for an <c>Avro.Specific.ISpecificRecord</c>.</summary>
    Avro,

    /// <summary><c>ProtobufSerializer&lt;T&gt;</c> for a <c>Google.Protobuf.IMessage</c>.</summary>
    Protobuf,
}

using System;
using EventGovernance.Compatibility.Avro;
using EventGovernance.Compatibility.Json;
using EventGovernance.Compatibility.Protobuf;

namespace EventGovernance.Compatibility
{
    /// <summary>The format implementation for each schema type.</summary>
    public static class SchemaFormats
    {
        public static ISchemaFormat Json { get; } = new JsonSchemaFormat();
        public static ISchemaFormat Avro { get; } = new AvroSchemaFormat();
        public static ISchemaFormat Protobuf { get; } = new ProtobufSchemaFormat();

        public static ISchemaFormat For(SchemaType type) => type switch
        {
            SchemaType.Json => Json,
            SchemaType.Avro => Avro,
            SchemaType.Protobuf => Protobuf,
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }
}

using System;
using System.Collections.Generic;

namespace EventGovernance.Compatibility.Protobuf
{
    /// <summary>
    /// Files the registry treats as always available, so a schema may import them without declaring a
    /// reference: Confluent's own annotation and logical types, and the few Google common types that
    /// protobuf-net does not embed (it embeds the rest of google/protobuf and google/type). Declared
    /// here by their public shape only (package, type and field names, numbers), which is what a
    /// compatibility check needs; a reference the schema does declare always takes precedence.
    /// </summary>
    internal static class ProtoKnownImports
    {
        private static readonly Dictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Field, message and file annotations: (confluent.field_meta) = { doc: "...", params: [...] }.
            ["confluent/meta.proto"] = @"syntax = ""proto3"";
package confluent;
import ""google/protobuf/descriptor.proto"";

message Meta {
  string doc = 1;
  map<string, string> params = 2;
  repeated string tags = 3;
  repeated Rule rules = 4;
}

message Rule {
  string name = 1;
  string doc = 2;
  string expr = 3;
  string sql = 4;
}

extend google.protobuf.FileOptions { Meta file_meta = 1088; }
extend google.protobuf.MessageOptions { Meta message_meta = 1088; }
extend google.protobuf.FieldOptions { Meta field_meta = 1088; }
extend google.protobuf.EnumOptions { Meta enum_meta = 1088; }
extend google.protobuf.EnumValueOptions { Meta enum_value_meta = 1088; }
",
            // Arbitrary-precision decimal: unscaled two's-complement bytes with precision and scale.
            ["confluent/type/decimal.proto"] = @"syntax = ""proto3"";
package confluent.type;

message Decimal {
  bytes value = 1;
  uint32 precision = 2;
  int32 scale = 3;
}
",
            ["confluent/type/variant.proto"] = @"syntax = ""proto3"";
package confluent.type;

message Variant {
  bytes metadata = 1;
  bytes value = 2;
}
",
            ["google/type/decimal.proto"] = @"syntax = ""proto3"";
package google.type;

message Decimal {
  string value = 1;
}
",
            ["google/type/interval.proto"] = @"syntax = ""proto3"";
package google.type;
import ""google/protobuf/timestamp.proto"";

message Interval {
  google.protobuf.Timestamp start_time = 1;
  google.protobuf.Timestamp end_time = 2;
}
",
            ["google/type/phone_number.proto"] = @"syntax = ""proto3"";
package google.type;

message PhoneNumber {
  message ShortCode {
    string region_code = 1;
    string number = 2;
  }
  oneof kind {
    string e164_number = 1;
    ShortCode short_code = 2;
  }
  string extension = 3;
}
",
        };

        /// <summary>Built-in files import only each other or files protobuf-net embeds.</summary>
        private static readonly InMemoryReferenceResolver Resolver = new InMemoryReferenceResolver(new Dictionary<string, SchemaSource>());

        /// <summary>The built-in file of that import name, or null when there is none.</summary>
        public static SchemaSource? Find(string name) =>
            Files.TryGetValue(name, out string? text) ? new SchemaSource(text, SchemaType.Protobuf, name, Resolver) : null;
    }
}

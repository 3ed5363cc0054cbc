using System;
using System.Linq;
using System.Text;
using CsCheck;
using EventGovernance.Compatibility;
using static EventGovernance.Compatibility.Tests.Protobuf.ProtobufTestSchemas;

namespace EventGovernance.Compatibility.Tests.Protobuf;

/// <summary>Random .proto schemas and random text against the engine's invariants.</summary>
public sealed class ProtobufPropertyTests
{
    private static readonly string[] Scalars =
    {
        "double", "float", "int32", "int64", "uint32", "uint64", "sint32", "sint64",
        "fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes",
    };

    /// <summary>One field: label choice, type kind (scalar, message, enum, map), scalar and message picks.</summary>
    private sealed record FieldSpec(int Label, int Kind, int Scalar, int Target);

    private sealed record MessageSpec(FieldSpec[] Fields, int OneofMembers, bool Nested);

    private sealed record SchemaSpec(bool Proto3, bool Package, MessageSpec[] Messages)
    {
        public override string ToString() => Render(this);
    }

    private static readonly Gen<FieldSpec> FieldGen =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, Scalars.Length - 1], Gen.Int[0, 9], (l, k, s, t) => new FieldSpec(l, k, s, t));

    private static readonly Gen<MessageSpec> MessageGen =
        Gen.Select(FieldGen.Array[0, 8], Gen.Int[0, 3], Gen.Bool, (f, o, n) => new MessageSpec(f, o, n));

    private static readonly Gen<SchemaSpec> SchemaGen =
        Gen.Select(Gen.Bool, Gen.Bool, MessageGen.Array[1, 5], (p3, pkg, m) => new SchemaSpec(p3, pkg, m));

    /// <summary>Writes a valid schema: messages M0..Mn with fields f1..fn, an enum, optional oneof and nested message.</summary>
    private static string Render(SchemaSpec spec, string extraField = "")
    {
        var text = new StringBuilder();
        text.Append("syntax = \"").Append(spec.Proto3 ? "proto3" : "proto2").Append("\";\n");
        if (spec.Package) text.Append("package gen.v1;\n");
        text.Append("enum Color { COLOR_UNSPECIFIED = 0; RED = 1; GREEN = 2; }\n");
        for (int m = 0; m < spec.Messages.Length; m++)
        {
            MessageSpec message = spec.Messages[m];
            text.Append("message M").Append(m).Append(" {\n");
            int firstOneofMember = message.Fields.Length - Math.Min(message.OneofMembers, message.Fields.Length);
            for (int f = 0; f < message.Fields.Length; f++)
            {
                bool inOneof = f >= firstOneofMember;
                if (inOneof && f == firstOneofMember) text.Append("  oneof choice {\n");
                text.Append(inOneof ? "    " : "  ").Append(Field(spec, message.Fields[f], f + 1, inOneof)).Append('\n');
            }
            if (firstOneofMember < message.Fields.Length) text.Append("  }\n");
            if (m == 0 && extraField.Length > 0) text.Append("  ").Append(extraField).Append('\n');
            if (message.Nested) text.Append("  message Inner { ").Append(spec.Proto3 ? "" : "optional ").Append("int32 x = 1; }\n");
            text.Append("}\n");
        }
        return text.ToString();
    }

    private static string Field(SchemaSpec spec, FieldSpec field, int number, bool inOneof)
    {
        string type = field.Kind switch
        {
            1 => "M" + field.Target % spec.Messages.Length,
            2 => "Color",
            _ => Scalars[field.Scalar],
        };
        if (field.Kind == 3 && !inOneof) return $"map<string, {Scalars[field.Scalar]}> f{number} = {number};";
        string label = inOneof ? "" : spec.Proto3
            ? new[] { "", "optional ", "repeated " }[field.Label]
            : new[] { "optional ", "required ", "repeated " }[field.Label];
        return $"{label}{type} f{number} = {number};";
    }

    [Fact]
    public void A_random_schema_compared_with_itself_has_no_differences()
    {
        SchemaGen.Sample(spec =>
        {
            string text = Render(spec);
            var differences = Diff(Proto(text, "a.proto"), Proto(text, "b.proto"));
            Assert.True(differences.Count == 0, string.Join(", ", differences) + "\n" + text);
        }, iter: Fuzz.Iterations(200), seed: Fuzz.Seed, threads: 1);
    }

    [Fact]
    public void Adding_an_optional_field_is_one_compatible_difference_and_removing_it_is_its_mirror()
    {
        SchemaGen.Sample(spec =>
        {
            string before = Render(spec);
            string after = Render(spec, "optional string added = 99;");
            Difference added = Assert.Single(Diff(Proto(before, "a.proto"), Proto(after, "b.proto")));
            Assert.Equal("FIELD_ADDED #/M0/99", added.ToString());
            Assert.True(added.IsCompatible);
            Difference removed = Assert.Single(Diff(Proto(after, "b.proto"), Proto(before, "a.proto")));
            Assert.Equal("FIELD_REMOVED #/M0/99", removed.ToString());
        }, iter: Fuzz.Iterations(100), seed: Fuzz.Seed, threads: 1);
    }

    private const string ProtoAlphabet = "abcmesgintrpoqu_0123456789 \n\t{}[]()<>;=,.\"'/*-+";

    private static void ParsesOrThrowsSchemaException(string text)
    {
        try
        {
            var source = new SchemaSource(text, SchemaType.Protobuf, "random.proto");
            ParsedSchema parsed = SchemaFormats.Protobuf.Parse(source);
            Assert.Empty(SchemaFormats.Protobuf.Diff(parsed, parsed, CompatibilityOptions.Default));
        }
        catch (SchemaException e)
        {
            Assert.Equal("random.proto", e.File);
        }
    }

    [Fact]
    public void Random_text_never_throws_anything_but_SchemaException()
    {
        Gen.String[Gen.Char[ProtoAlphabet], 0, 200].Sample(ParsesOrThrowsSchemaException, iter: Fuzz.Iterations(300), seed: Fuzz.Seed, threads: 1);
        Gen.String.Sample(ParsesOrThrowsSchemaException, iter: Fuzz.Iterations(200), seed: Fuzz.Seed, threads: 1);
    }

    [Fact]
    public void Damaged_schemas_never_throw_anything_but_SchemaException()
    {
        Gen.Select(SchemaGen, Gen.Int[0, 10_000], Gen.Int[0, 12], Gen.String[Gen.Char[ProtoAlphabet], 0, 6], (spec, at, cut, insert) =>
        {
            string text = Render(spec);
            int start = at % (text.Length + 1);
            int length = Math.Min(cut, text.Length - start);
            return text.Remove(start, length).Insert(start, insert);
        }).Sample(ParsesOrThrowsSchemaException, iter: Fuzz.Iterations(300), seed: Fuzz.Seed, threads: 1);
    }
}

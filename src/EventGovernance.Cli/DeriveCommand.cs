using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using EventGovernance.CodeFirst;

namespace EventGovernance.Cli
{
    /// <summary>
    /// <c>eventgov derive</c>: prints (or writes as contract files) the schema a producer's Confluent serializer
    /// registers for each C# type of a compiled application. Exit codes: 0 done, 2 bad input.
    /// </summary>
    internal static class DeriveCommand
    {
        private static readonly string[] Formats = { "json", "avro", "protobuf" };

        /// <summary>The command; its action prints to the context's writers and returns the exit code.</summary>
        public static Command Create(CliContext context)
        {
            var assembly = new Option<string>("--assembly") { Description = "The application's compiled assembly (its output folder holds its dependencies).", Required = true };
            var types = new Option<string[]>("--type")
            {
                Description = "A type's full name (nested: Outer.Inner; generic: Envelope<Shop.OrderPlaced>). Repeat for more.",
                Required = true,
                Arity = ArgumentArity.OneOrMore,
            };
            var format = new Option<string>("--format") { Description = "json (JsonSerializer<T>), avro (AvroSerializer<T>) or protobuf (ProtobufSerializer<T>).", DefaultValueFactory = _ => "json" };
            format.AcceptOnlyFromAmong(Formats);
            var settings = new Option<string?>("--settings") { Description = "Type.Member: a static member returning the NewtonsoftJsonSchemaGeneratorSettings the producer passes (JSON only)." };
            var output = new Option<string?>("--out") { Description = "Write one contract file per type into this directory instead of printing." };

            var command = new Command("derive", "Print the schema a producer's serializer registers for a C# type.")
            {
                assembly, types, format, settings, output,
            };
            command.SetAction(parsed => Run(
                parsed.GetValue(assembly)!,
                parsed.GetValue(types) ?? Array.Empty<string>(),
                Parse(parsed.GetValue(format)),
                parsed.GetValue(settings),
                parsed.GetValue(output),
                context.Out,
                context.Error));
            return command;
        }

        private static int Run(string assembly, string[] types, DerivedFormat format, string? settings, string? output, TextWriter stdout, TextWriter stderr)
        {
            if (output != null && format == DerivedFormat.Protobuf)
            {
                // The serializer registers a base64 descriptor, and Protobuf contract files are .proto text.
                stderr.WriteLine("eventgov: --out is not supported for protobuf: the registered text is a base64 file descriptor, not .proto source; print it instead");
                return Program.Failed;
            }
            DerivationResult result;
            try
            {
                result = SchemaDeriver.Derive(assembly, types, format, settings);
            }
            catch (DerivationException e)
            {
                stderr.WriteLine(Program.OneLine("eventgov: " + e.Message));
                return Program.Failed;
            }
            foreach (string note in result.Notes) stderr.WriteLine(Program.OneLine("eventgov: note: " + note));

            if (output == null)
            {
                // Each text as registered, then a line break for the terminal; --out files hold the exact text.
                foreach (DerivedSchema schema in result.Schemas)
                {
                    stdout.WriteLine(schema.Text);
                    foreach (string reference in schema.References) stderr.WriteLine($"eventgov: note: {schema.TypeName} imports {reference}, registered first as a reference");
                }
                return Program.Ok;
            }
            Directory.CreateDirectory(output);
            foreach (DerivedSchema schema in result.Schemas)
            {
                string file = Path.Combine(output, FileName(schema));
                File.WriteAllText(file, schema.Text);
                stdout.WriteLine($"wrote {file}");
            }
            return Program.Ok;
        }

        /// <summary>The contract file for a type: its full name, generic punctuation replaced, and the format's extension.</summary>
        internal static string FileName(DerivedSchema schema)
        {
            string name = new string(TypeLabel(schema.TypeName).Select(c => char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '-' ? c : '_').ToArray());
            return name + (schema.Format == DerivedFormat.Avro ? ".avsc" : ".json");
        }

        /// <summary>Drops the assembly qualifications of generic arguments: Envelope`1[[Shop.OrderPlaced, Shop, ...]] becomes Envelope`1[Shop.OrderPlaced].</summary>
        private static string TypeLabel(string fullName)
        {
            int open = fullName.IndexOf("[[", StringComparison.Ordinal);
            if (open < 0) return fullName;
            var arguments = fullName.Substring(open + 2, fullName.Length - open - 4).Split(new[] { "],[" }, StringSplitOptions.None)
                .Select(a => a.Split(',')[0]);
            return fullName.Substring(0, open) + "[" + string.Join(",", arguments) + "]";
        }

        private static DerivedFormat Parse(string? format) => format switch
        {
            "avro" => DerivedFormat.Avro,
            "protobuf" => DerivedFormat.Protobuf,
            _ => DerivedFormat.Json,
        };
    }
}

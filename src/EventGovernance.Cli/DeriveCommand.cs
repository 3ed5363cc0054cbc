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
            var subjects = new Option<string[]>("--subject")
            {
                Description = "With --out: the subject each --type registers under, in the same order; files are named <subject>.schema.json / .avsc.",
                Arity = ArgumentArity.OneOrMore,
            };

            var command = new Command("derive", "Print the schema a producer's serializer registers for a C# type.")
            {
                assembly, types, format, settings, output, subjects,
            };
            command.SetAction(parsed => Run(
                parsed.GetValue(assembly)!,
                parsed.GetValue(types) ?? Array.Empty<string>(),
                Parse(parsed.GetValue(format)),
                parsed.GetValue(settings),
                parsed.GetValue(output),
                parsed.GetValue(subjects) ?? Array.Empty<string>(),
                context.Out,
                context.Error));
            return command;
        }

        private static int Run(string assembly, string[] types, DerivedFormat format, string? settings, string? output, string[] subjects,
            TextWriter stdout, TextWriter stderr)
        {
            if (subjects.Length > 0 && output == null)
            {
                stderr.WriteLine("eventgov: --subject names the files --out writes; give --out too");
                return Program.Failed;
            }
            if (subjects.Length > 0 && subjects.Length != types.Length)
            {
                stderr.WriteLine($"eventgov: give one --subject per --type, in the same order ({types.Length} type(s), {subjects.Length} subject(s))");
                return Program.Failed;
            }
            if (subjects.Any(string.IsNullOrWhiteSpace))
            {
                stderr.WriteLine("eventgov: a --subject is empty");
                return Program.Failed;
            }
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
            for (int i = 0; i < result.Schemas.Count; i++)
            {
                DerivedSchema schema = result.Schemas[i];
                string file = Path.Combine(output, subjects.Length > 0 ? SubjectFileName(subjects[i], schema.Format) : FileName(schema));
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

        /// <summary>
        /// A contract file the gate finds under that subject: <c>orders-value.schema.json</c> / <c>.avsc</c> (the
        /// default subject of a contract is its file name without the suffix). Characters a file name cannot hold
        /// are escaped as in the embedded registry; such a file needs Subject metadata.
        /// </summary>
        internal static string SubjectFileName(string subject, DerivedFormat format) =>
            EventGovernance.Registry.SubjectFileNames.Escape(subject.Trim()) + (format == DerivedFormat.Avro ? ".avsc" : ".schema.json");

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

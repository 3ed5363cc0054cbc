using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using EventGovernance.Cli.Reporting;
using EventGovernance.Compatibility;
using EventGovernance.Registry.Reporting;

namespace EventGovernance.Cli
{
    /// <summary><c>eventgov compat</c>: compares a candidate schema file with earlier versions of it.</summary>
    internal static class CompatCommand
    {
        /// <summary>The command; its action prints to the context's writers and returns the exit code.</summary>
        public static Command Create(CliContext context)
        {
            var command = new Command("compat", "Compare a schema file with earlier versions of it.")
            {
                OptionKinds.Repeatable("old", "file", "An earlier version; repeat for the history, oldest first (TRANSITIVE levels check all)."),
                OptionKinds.Single("new", "file", "The candidate schema."),
                OptionKinds.Single("type", "type", "json | avro | protobuf (default: from the extension: .json, .avsc, .proto)."),
                OptionKinds.Single("level", "level", "NONE, BACKWARD (default), BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE."),
                OptionKinds.Single("policy", "policy", "strict (default) | lenient: the JSON Schema policy."),
                OptionKinds.Single("format", "format", "text (default) | json."),
                OptionKinds.Single("root", "dir", "References resolve only inside this directory (default: each file's own directory)."),
                OptionKinds.Repeatable("proto-path", "dir", "Another directory to look for Protobuf imports in (repeatable)."),
            };
            command.SetAction(parsed => Run(new ParsedOptions(parsed, context), context));
            return command;
        }

        private static int Run(ParsedOptions options, CliContext context)
        {
            TextWriter stdout = context.Out;
            TextWriter stderr = context.Error;
            IReadOnlyList<string> oldFiles = options.GetAll("old");
            if (oldFiles.Count == 0) throw options.Error("option '--old' is required (repeat it for the history, oldest first)");
            string newFile = options.Required("new");
            CompatibilityLevel level = Common.Level(options) ?? CompatibilityLevel.Backward;
            CompatibilityOptions engine = Common.Engine(options);
            bool json = Common.Json(options);

            SchemaType type;
            if (options.Get("type") is string typeName)
            {
                type = SchemaTypes.Parse(typeName) ?? throw options.Error($"option '--type' must be json, avro or protobuf, not '{typeName}'");
            }
            else
            {
                type = SchemaTypes.FromFileName(newFile)
                    ?? throw options.Error($"cannot tell the schema type of '{newFile}' from its extension (.json, .avsc, .proto); pass --type");
            }

            // A mistyped directory would otherwise only show up as a reference that cannot be found.
            foreach (string name in new[] { "root", "proto-path" })
                foreach (string directory in options.GetAll(name))
                    if (!Directory.Exists(directory)) throw options.Error($"option '--{name}': no such directory '{directory}'");

            CompatibilityResult result;
            try
            {
                ISchemaFormat format = context.Formats(type);
                ParsedSchema candidate = format.Parse(Load(newFile, type, options));
                var history = oldFiles.Select(file => format.Parse(Load(file, type, options))).ToList();
                result = CompatibilityChecker.Check(format, candidate, history, level, engine);
            }
            catch (SchemaException e)
            {
                stderr.WriteLine(Program.OneLine(DisplayPaths.Of(e)));
                return Program.Failed;
            }
            catch (NotSupportedException e)
            {
                stderr.WriteLine(Program.OneLine($"{newFile}: {e.Message}"));
                return Program.Failed;
            }

            if (json) WriteJson(stdout, result);
            else WriteText(stdout, context.Palette, result, oldFiles, newFile);
            return result.IsCompatible ? Program.Ok : Program.Breaking;
        }

        /// <summary>Reads one schema file; references resolve inside --root (default: the file's directory), imports also in --proto-path.</summary>
        private static SchemaSource Load(string file, SchemaType type, ParsedOptions options)
        {
            if (!File.Exists(file)) throw new SchemaException(file, "no such file");
            string directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
            var searchDirectories = new List<string>();
            if (type == SchemaType.Protobuf)
            {
                searchDirectories.Add(directory);
                searchDirectories.AddRange(options.GetAll("proto-path").Select(Path.GetFullPath));
            }
            IReferenceResolver resolver = new ContractsRootResolver(options.Get("root") ?? directory, searchDirectories);
            IReadOnlyList<string> protoPaths = options.GetAll("proto-path");
            if (type == SchemaType.Protobuf && protoPaths.Count > 0) resolver = new ProtoPathResolver(resolver, protoPaths);
            return SchemaSource.FromFile(file, type, resolver);
        }

        /// <summary>An import that cannot be found names the --proto-path directories searched too, not only the root.</summary>
        private sealed class ProtoPathResolver : IReferenceResolver
        {
            private readonly IReferenceResolver _inner;
            private readonly string _searched;

            public ProtoPathResolver(IReferenceResolver inner, IReadOnlyList<string> protoPaths)
            {
                _inner = inner;
                _searched = string.Join(", ", protoPaths);
            }

            public SchemaSource Resolve(string reference, SchemaSource from)
            {
                try
                {
                    SchemaSource found = _inner.Resolve(reference, from);
                    // Imports inside the found file are searched the same way.
                    return new SchemaSource(found.Text, found.Type, found.Path, this);
                }
                catch (SchemaException e) when (e.Problem.StartsWith("cannot resolve reference", StringComparison.Ordinal))
                {
                    throw new SchemaException(e.File, e.Line, e.Column, $"{e.Problem}, nor in --proto-path {_searched}", e);
                }
            }
        }

        private static void WriteText(TextWriter stdout, Palette palette, CompatibilityResult result, IReadOnlyList<string> oldFiles, string newFile)
        {
            List<(PairCheck Check, Difference Difference)> breaking = result.Checks
                .SelectMany(c => c.Differences.Where(d => !d.IsCompatible).Select(d => (c, d)))
                .ToList();
            string against = oldFiles.Count == 1 ? oldFiles[0] : $"{oldFiles.Count} earlier versions";
            if (result.IsCompatible)
            {
                stdout.WriteLine(palette.Paint($"COMPATIBLE: {newFile} against {against} at {result.Level.ToRegistryName()}", TextTone.Good));
                return;
            }
            stdout.WriteLine(palette.Paint($"INCOMPATIBLE: {newFile} against {against} at {result.Level.ToRegistryName()}: " +
                (breaking.Count == 1 ? "1 breaking change" : $"{breaking.Count} breaking changes"), TextTone.Bad));
            foreach ((PairCheck check, Difference difference) in breaking)
            {
                string where = difference.Location != null ? DisplayPaths.Of(difference.Location) : newFile;
                stdout.WriteLine($"  {where}: {difference.Type} {difference.Path}: {difference.Message}");
                stdout.WriteLine($"    breaks {WhoBreaks(check, oldFiles[check.HistoryIndex])}");
            }
        }

        /// <summary>Which consumers the difference breaks, from the direction of the check that found it.</summary>
        internal static string WhoBreaks(PairCheck check, string oldFile) => check.Direction.WhoBreaks(oldFile);

        private static void WriteJson(TextWriter stdout, CompatibilityResult result)
        {
            stdout.WriteLine(JsonReport.Serialize(new CompatJson(result.IsCompatible, result.Level.ToRegistryName(),
                result.Differences.Select(JsonReport.Difference).ToList())));
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EventGovernance.Cli.Reporting;
using EventGovernance.Compatibility;

namespace EventGovernance.Cli
{
    /// <summary><c>eventgov compat</c>: compares a candidate schema file with earlier versions of it.</summary>
    internal static class CompatCommand
    {
        public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            Arguments options = Arguments.Parse(args,
                single: new[] { "new", "type", "level", "policy", "format", "root" },
                repeatable: new[] { "old", "proto-path" });
            if (options.Help)
            {
                stdout.WriteLine(Usage.Compat);
                return Program.Ok;
            }
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
                ISchemaFormat format = Program.Formats(type);
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
            else WriteText(stdout, result, oldFiles, newFile);
            return result.IsCompatible ? Program.Ok : Program.Breaking;
        }

        /// <summary>Reads one schema file; references resolve inside --root (default: the file's directory), imports also in --proto-path.</summary>
        private static SchemaSource Load(string file, SchemaType type, Arguments options)
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

        private static void WriteText(TextWriter stdout, CompatibilityResult result, IReadOnlyList<string> oldFiles, string newFile)
        {
            List<(PairCheck Check, Difference Difference)> breaking = result.Checks
                .SelectMany(c => c.Differences.Where(d => !d.IsCompatible).Select(d => (c, d)))
                .ToList();
            string against = oldFiles.Count == 1 ? oldFiles[0] : $"{oldFiles.Count} earlier versions";
            if (result.IsCompatible)
            {
                stdout.WriteLine($"COMPATIBLE: {newFile} against {against} at {result.Level.ToRegistryName()}");
                return;
            }
            stdout.WriteLine($"INCOMPATIBLE: {newFile} against {against} at {result.Level.ToRegistryName()}: " +
                (breaking.Count == 1 ? "1 breaking change" : $"{breaking.Count} breaking changes"));
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

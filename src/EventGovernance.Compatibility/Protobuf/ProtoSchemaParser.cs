using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Google.Protobuf.Reflection;
using ProtoBuf.Reflection;

namespace EventGovernance.Compatibility.Protobuf
{
    /// <summary>
    /// Turns .proto text into a <see cref="ProtobufParsedSchema"/> with protobuf-net.Reflection's parser.
    /// Imports are resolved through the schema's <see cref="IReferenceResolver"/> (each imported file through
    /// its own resolver); Google's well-known types come from the copies protobuf-net embeds, and the
    /// registry's other always-available imports from <see cref="ProtoKnownImports"/>.
    /// </summary>
    internal static class ProtoSchemaParser
    {
        private const string DefaultRootName = "schema.proto";

        // protobuf-net looks imports up below its import paths; this one is served from memory only.
        private const string VirtualImportRoot = "eventgov-imports";

        private static readonly HashSet<string> EmbeddedImports = new HashSet<string>(
            typeof(FileDescriptorSet).Assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith("ProtoBuf.", StringComparison.Ordinal) && n.EndsWith(".proto", StringComparison.Ordinal))
                .Select(n => n.Substring("ProtoBuf.".Length)),
            StringComparer.Ordinal);

        private sealed class SourceFile
        {
            public SourceFile(string name, SchemaSource source, ProtoSourceIndex index)
            {
                Name = name;
                Source = source;
                Index = index;
            }

            public string Name { get; }
            public SchemaSource Source { get; }
            public ProtoSourceIndex Index { get; }
            public string DisplayPath => Source.Path ?? Name;
        }

        public static ProtobufParsedSchema Parse(SchemaSource source)
        {
            string rootName = source.Path == null ? DefaultRootName : Path.GetFileName(source.Path);
            if (string.IsNullOrEmpty(rootName)) rootName = DefaultRootName;
            ProtoNestingLimit.Check(source.Text, source.Path ?? rootName);
            var root = new SourceFile(rootName, source, ProtoSourceIndex.Build(source.Text));
            Dictionary<string, SourceFile> files = CollectImports(root);
            RejectImportCycles(root, files);

            var set = new FileDescriptorSet { FileSystem = new ImportFileSystem(files) };
            set.AddImportPath(VirtualImportRoot);
            try
            {
                set.Add(rootName, true, new StringReader(source.Text));
                set.Process();
            }
            catch (Exception e) when (!(e is SchemaException))
            {
                // The parser should report problems as errors; anything thrown is still bad input.
                throw new SchemaException(root.DisplayPath, "the Protobuf parser could not read the schema: " + e.Message, e);
            }
            ThrowOnErrors(set, files);

            var types = new Dictionary<string, ProtoTypeEntry>(StringComparer.Ordinal);
            ProtoFile? rootFile = null;
            // Imports first, so that a name the schema itself defines wins over an imported one.
            foreach (FileDescriptorProto descriptor in set.Files.OrderBy(f => f.Name == rootName))
            {
                bool isRoot = descriptor.Name == rootName;
                files.TryGetValue(descriptor.Name, out SourceFile? known);
                string text = known?.Source.Text ?? "";
                ProtoFile file = ProtoModelBuilder.Build(descriptor, known?.DisplayPath ?? descriptor.Name, text, isRoot,
                    known?.Index ?? ProtoSourceIndex.Build(""), types);
                if (isRoot) rootFile = file;
            }
            if (rootFile == null) throw new SchemaException(root.DisplayPath, "the Protobuf parser produced no descriptor for the schema");
            return new ProtobufParsedSchema(source, rootFile, types);
        }

        /// <summary>
        /// Finds every file the schema imports, transitively, before parsing, so that a missing import is
        /// reported at its import statement with the resolver's reason.
        /// </summary>
        private static Dictionary<string, SourceFile> CollectImports(SourceFile root)
        {
            var files = new Dictionary<string, SourceFile>(StringComparer.Ordinal) { [root.Name] = root };
            var pending = new Queue<SourceFile>();
            pending.Enqueue(root);
            while (pending.Count > 0)
            {
                SourceFile file = pending.Dequeue();
                foreach (ProtoImport import in file.Index.Imports)
                {
                    if (files.ContainsKey(import.Name)) continue;
                    SchemaSource resolved;
                    try
                    {
                        resolved = file.Source.References.Resolve(import.Name, file.Source);
                    }
                    catch (SchemaException e)
                    {
                        if (EmbeddedImports.Contains(import.Name.Replace('/', '.'))) continue;
                        // The registry supplies its known imports (confluent/meta.proto, ...) without a reference.
                        resolved = ProtoKnownImports.Find(import.Name)
                            ?? throw new SchemaException(file.DisplayPath, import.Line, import.Column,
                                $"import \"{import.Name}\" cannot be found: {e.Problem}", e);
                    }
                    ProtoNestingLimit.Check(resolved.Text, resolved.Path ?? import.Name);
                    var imported = new SourceFile(import.Name, resolved, ProtoSourceIndex.Build(resolved.Text));
                    files[import.Name] = imported;
                    pending.Enqueue(imported);
                }
            }
            return files;
        }

        /// <summary>
        /// protoc refuses a file that imports itself, directly or not; protobuf-net would accept it. A chain of
        /// imports deeper than <see cref="ProtoNestingLimit.MaxNesting"/> is refused too: this walk and
        /// protobuf-net's both recurse along it.
        /// </summary>
        private static void RejectImportCycles(SourceFile root, Dictionary<string, SourceFile> files)
        {
            var done = new HashSet<string>(StringComparer.Ordinal);
            var chain = new List<string>();

            void Visit(SourceFile file)
            {
                chain.Add(file.Name);
                if (chain.Count > ProtoNestingLimit.MaxNesting)
                {
                    ProtoImport first = root.Index.Imports.First(i => i.Name == chain[1]);
                    throw new SchemaException(root.DisplayPath, first.Line, first.Column,
                        $"imports chain more than {ProtoNestingLimit.MaxNesting} files deep (starting with \"{first.Name}\")");
                }
                foreach (ProtoImport import in file.Index.Imports)
                {
                    if (!files.TryGetValue(import.Name, out SourceFile? next) || done.Contains(next.Name)) continue;
                    int start = chain.IndexOf(next.Name);
                    if (start >= 0)
                    {
                        string cycle = string.Join(" -> ", chain.Skip(start).Concat(new[] { next.Name }));
                        throw new SchemaException(file.DisplayPath, import.Line, import.Column, $"import cycle: {cycle}");
                    }
                    Visit(next);
                }
                chain.RemoveAt(chain.Count - 1);
                done.Add(file.Name);
            }

            Visit(root);
        }

        private static void ThrowOnErrors(FileDescriptorSet set, Dictionary<string, SourceFile> files)
        {
            Error[] errors = set.GetErrors().Where(e => e.IsError && !IsToleratedByTheRegistry(e)).ToArray();
            if (errors.Length == 0) return;
            Error first = errors[0];
            string file = first.File != null && files.TryGetValue(first.File, out SourceFile? known) ? known.DisplayPath : first.File ?? "<schema>";
            string problem = first.Message;
            if (errors.Length > 1) problem += $" (and {errors.Length - 1} more error{(errors.Length > 2 ? "s" : "")})";
            throw new SchemaException(file, first.LineNumber, first.ColumnNumber, problem);
        }

        /// <summary>
        /// Schemas the registry itself stores and compares that protoc-style checks would refuse: a custom
        /// option whose extension is not declared (the registry adds <c>(confluent.field_meta)</c> tags without
        /// the import; options never take part in the comparison), and map entry types written out with
        /// <c>option map_entry = true</c> (how the registry prints a schema derived from a compiled descriptor).
        /// </summary>
        private static bool IsToleratedByTheRegistry(Error error) =>
            error.Message.StartsWith("unable to resolve custom option", StringComparison.Ordinal)
            || error.Message.StartsWith("'map_entry' should not be set explicitly", StringComparison.Ordinal);

        /// <summary>Serves the imported files found by <see cref="CollectImports"/> to protobuf-net, from memory.</summary>
        private sealed class ImportFileSystem : IFileSystem
        {
            private readonly Dictionary<string, SourceFile> _files;

            public ImportFileSystem(Dictionary<string, SourceFile> files) => _files = files;

            public bool Exists(string path) => Lookup(path) != null;

            public TextReader? OpenText(string path)
            {
                SourceFile? file = Lookup(path);
                return file == null ? null : new StringReader(file.Source.Text);
            }

            private SourceFile? Lookup(string path)
            {
                string name = path.Replace('\\', '/');
                string prefix = VirtualImportRoot + "/";
                if (name.StartsWith(prefix, StringComparison.Ordinal)) name = name.Substring(prefix.Length);
                return _files.TryGetValue(name, out SourceFile? file) ? file : null;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using EventGovernance.Compatibility;
using EventGovernance.Registry;

namespace EventGovernance.Cli
{
    /// <summary><c>eventgov pull</c>: mirrors a registry into an embedded registry directory.</summary>
    internal static class PullCommand
    {
        public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            Arguments options = Arguments.Parse(args, Usage.Pull, new[] { "registry", "out", "timeout", "retries" });
            if (options.Help)
            {
                stdout.WriteLine(Usage.Pull);
                return Program.Ok;
            }
            RegistryOptions source = Common.Registry(options, null);
            string output = options.Required("out");
            try
            {
                ISchemaRegistry remote = SchemaRegistries.Open(source);
                try
                {
                    var mirror = new EmbeddedRegistry(output);
                    (int subjects, int versions) = Mirror(remote, mirror);
                    stdout.WriteLine($"pulled {subjects} subject(s), {versions} version(s) from {remote.DisplayName} into {mirror.Root}");
                    return Program.Ok;
                }
                finally
                {
                    (remote as IDisposable)?.Dispose();
                }
            }
            catch (RegistryUnavailableException e)
            {
                Common.WriteError(stderr, null, 0, 0, GateOutput.UnavailableCode, e.Message);
                return Program.Failed;
            }
            catch (SchemaException e)
            {
                Common.WriteError(stderr, e.File, e.Line, e.Column, GateOutput.MalformedCode, e.Problem);
                return Program.Failed;
            }
        }

        private static (int Subjects, int Versions) Mirror(ISchemaRegistry remote, EmbeddedRegistry mirror)
        {
            int versionCount = 0;
            IReadOnlyList<string> subjects = remote.GetSubjectsAsync().GetAwaiter().GetResult();
            foreach (string subject in subjects)
            {
                foreach (int version in remote.GetVersionsAsync(subject).GetAwaiter().GetResult())
                {
                    RegisteredSchema schema = remote.GetSchemaAsync(subject, version).GetAwaiter().GetResult();
                    mirror.WriteVersionAsync(subject, version, schema.Type, schema.Text, schema.References).GetAwaiter().GetResult();
                    versionCount++;
                }
                CompatibilityLevel? level = remote.GetCompatibilityAsync(subject).GetAwaiter().GetResult();
                mirror.SetCompatibilityAsync(subject, level).GetAwaiter().GetResult();
            }
            mirror.SetCompatibilityAsync(null, remote.GetCompatibilityAsync(null).GetAwaiter().GetResult()).GetAwaiter().GetResult();
            return (subjects.Count, versionCount);
        }
    }
}

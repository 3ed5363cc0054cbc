using System.Collections.Generic;
using System.IO;
using EventGovernance.Registry.Reporting;

namespace EventGovernance.Cli.Reporting
{
    /// <summary>What one pull copied, and the local versions the registry no longer has; printed by <see cref="WriteText"/>.</summary>
    internal sealed class PullReport
    {
        public PullReport(int subjects, int versions, string source, string destination, IReadOnlyList<string> staleVersions)
        {
            Subjects = subjects;
            Versions = versions;
            Source = source;
            Destination = destination;
            StaleVersions = staleVersions;
        }

        public int Subjects { get; }
        public int Versions { get; }

        /// <summary>The registry read, without credentials.</summary>
        public string Source { get; }

        /// <summary>The embedded registry written, as eventgov shows paths.</summary>
        public string Destination { get; }

        /// <summary>"version 2 of 'orders-value'": kept locally though the registry no longer has it.</summary>
        public IReadOnlyList<string> StaleVersions { get; }

        public void WriteText(TextWriter writer, Palette palette)
        {
            writer.WriteLine(palette.Paint($"pulled {Subjects} subject(s), {Versions} version(s) from {Source} into {Destination}", TextTone.Good));
            // Local history is never deleted: a version the registry no longer has may still be what
            // consumers were built against. Say so, so the mirror is not mistaken for an exact copy.
            foreach (string version in StaleVersions)
                writer.WriteLine(palette.Paint($"warning: {version} is in {Destination} but not in {Source}; it was kept", TextTone.Notice));
        }
    }
}

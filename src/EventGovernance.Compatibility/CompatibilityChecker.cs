using System;
using System.Collections.Generic;
using System.Linq;

namespace EventGovernance.Compatibility
{
    /// <summary>Which way a pair was checked.</summary>
    public enum CheckDirection
    {
        /// <summary>The candidate reads data written with the earlier version.</summary>
        Backward,

        /// <summary>The earlier version reads data written with the candidate.</summary>
        Forward,
    }

    public static class CheckDirections
    {
        /// <summary>
        /// Which consumers a breaking difference found in this direction breaks, e.g. "consumers using the new
        /// schema reading data written with version 2". The one wording of it: compat, check and the build use it.
        /// </summary>
        /// <param name="earlier">How the earlier version is named: a file, or "version 2".</param>
        public static string WhoBreaks(this CheckDirection direction, string earlier) => direction == CheckDirection.Backward
            ? $"consumers using the new schema reading data written with {earlier}"
            : $"consumers still using {earlier} reading data written with the new schema";
    }

    /// <summary>
    /// A format that words its differences from the user's side whichever way a level checks. A FORWARD check
    /// asks whether the earlier version reads what the new one writes, so the new schema plays the original
    /// (writer) and the earlier one the update (reader); without this, a minimum the user removed would read as
    /// "minimum was added". Types and paths stay exactly those of <see cref="ISchemaFormat.Diff"/>.
    /// </summary>
    public interface IDirectionalSchemaFormat : ISchemaFormat
    {
        /// <param name="direction">
        /// <see cref="CheckDirection.Backward"/>: <paramref name="original"/> is the earlier version (the same as
        /// <see cref="ISchemaFormat.Diff"/>); <see cref="CheckDirection.Forward"/>: <paramref name="original"/> is
        /// the new version and messages say what the new version changed.
        /// </param>
        IReadOnlyList<Difference> Diff(ParsedSchema original, ParsedSchema update, CompatibilityOptions options, CheckDirection direction);
    }

    /// <summary>The outcome of checking the candidate against one earlier version in one direction.</summary>
    public sealed class PairCheck
    {
        public PairCheck(CheckDirection direction, int historyIndex, IReadOnlyList<Difference> differences)
        {
            Direction = direction;
            HistoryIndex = historyIndex;
            Differences = differences;
        }

        public CheckDirection Direction { get; }

        /// <summary>Index into the history (0 = oldest).</summary>
        public int HistoryIndex { get; }

        /// <summary>Differences with locations oriented so that <see cref="Difference.UpdateLocation"/> is in the candidate.</summary>
        public IReadOnlyList<Difference> Differences { get; }

        public bool IsCompatible => Differences.All(d => d.IsCompatible);
    }

    public sealed class CompatibilityResult
    {
        public CompatibilityResult(CompatibilityLevel level, IReadOnlyList<PairCheck> checks)
        {
            Level = level;
            Checks = checks;
        }

        public CompatibilityLevel Level { get; }
        public IReadOnlyList<PairCheck> Checks { get; }
        public bool IsCompatible => Checks.All(c => c.IsCompatible);

        /// <summary>All differences of all checks, in check order (newest version first).</summary>
        public IEnumerable<Difference> Differences => Checks.SelectMany(c => c.Differences);

        public IEnumerable<Difference> BreakingDifferences => Differences.Where(d => !d.IsCompatible);
    }

    /// <summary>
    /// Applies a compatibility level the way the registry does: BACKWARD checks the candidate against
    /// the latest version, FORWARD swaps the roles, FULL needs both, and the TRANSITIVE forms check every
    /// earlier version from newest to oldest. NONE checks nothing. A pure function: no I/O.
    /// </summary>
    public static class CompatibilityChecker
    {
        /// <param name="candidate">The new schema.</param>
        /// <param name="history">Registered versions, oldest first.</param>
        public static CompatibilityResult Check(SchemaSource candidate, IReadOnlyList<SchemaSource> history,
            CompatibilityLevel level, CompatibilityOptions? options = null)
        {
            ISchemaFormat format = SchemaFormats.For(candidate.Type);
            ParsedSchema parsedCandidate = format.Parse(candidate);
            var parsedHistory = new ParsedSchema?[history.Count];
            ParsedSchema HistoryAt(int i)
            {
                if (history[i].Type != candidate.Type)
                    throw new SchemaException(history[i].Path, $"schema type {history[i].Type.ToRegistryName()} differs from the new schema's type {candidate.Type.ToRegistryName()}");
                return parsedHistory[i] ??= format.Parse(history[i]);
            }
            return Check(format, parsedCandidate, history.Count, HistoryAt, level, options ?? CompatibilityOptions.Default);
        }

        /// <summary>The same check over schemas that are already parsed.</summary>
        public static CompatibilityResult Check(ISchemaFormat format, ParsedSchema candidate, IReadOnlyList<ParsedSchema> history,
            CompatibilityLevel level, CompatibilityOptions? options = null) =>
            Check(format, candidate, history.Count, i => history[i], level, options ?? CompatibilityOptions.Default);

        private static CompatibilityResult Check(ISchemaFormat format, ParsedSchema candidate, int historyCount,
            Func<int, ParsedSchema> historyAt, CompatibilityLevel level, CompatibilityOptions options)
        {
            var checks = new List<PairCheck>();
            if (level == CompatibilityLevel.None || historyCount == 0)
                return new CompatibilityResult(level, checks);

            int oldest = level.IsTransitive() ? 0 : historyCount - 1;
            for (int i = historyCount - 1; i >= oldest; i--)
            {
                ParsedSchema previous = historyAt(i);
                if (level.ChecksBackward())
                {
                    checks.Add(new PairCheck(CheckDirection.Backward, i, format.Diff(previous, candidate, options)));
                }
                if (level.ChecksForward())
                {
                    // FORWARD: the earlier version must read what the candidate writes, so the candidate
                    // plays the original's role. Locations are swapped back so "update" means the candidate.
                    IReadOnlyList<Difference> forward = format is IDirectionalSchemaFormat directional
                        ? directional.Diff(candidate, previous, options, CheckDirection.Forward)
                        : format.Diff(candidate, previous, options);
                    checks.Add(new PairCheck(CheckDirection.Forward, i, forward.Select(d => d.WithLocationsSwapped()).ToList()));
                }
            }
            return new CompatibilityResult(level, checks);
        }
    }
}

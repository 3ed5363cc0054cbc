using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EventGovernance.Compatibility;
using EventGovernance.Registry.Lint.Rules;
using EventGovernance.Registry.Reporting;

namespace EventGovernance.Registry.Lint
{
    /// <summary>
    /// Runs every lint rule over one parsed contract, at the severities .editorconfig gives its file, leaving out the
    /// rules the contract suppresses in its own text. Used by the gate (build and <c>eventgov check</c>/<c>lint</c>);
    /// <see cref="Findings"/> is the one call a report needs.
    /// </summary>
    public static class ContractLinter
    {
        public static readonly IReadOnlyList<ILintRule> Rules = new ILintRule[]
        {
            new EG1101OpenContentModel(),
            new EG1102MissingEnvelope(),
            new EG1103VersionNotBumped(),
            new EG1104AvroEvolution(),
            new EG1105ProtobufFieldNotReserved(),
            new EG1106FatEvent(),
            new EG1107MissingDescription(),
            new EG1108NoCompatibility(),
        };

        /// <summary>Lints with the settings of the contract file's .editorconfig.</summary>
        public static IReadOnlyList<LintFinding> Lint(LintInput input) => Lint(input, LintSettings.ForFile(input.Contract.FilePath));

        public static IReadOnlyList<LintFinding> Lint(LintInput input, LintSettings settings)
        {
            if (input == null) throw new ArgumentNullException(nameof(input));
            var findings = new List<LintFinding>();
            var context = new LintContext(input, settings, findings);
            ISet<string> suppressed = InFileSuppression.Of(input.Schema);
            foreach (ILintRule rule in Rules)
            {
                LintRuleInfo info = LintRules.Find(rule.Id)!;
                LintSeverity severity = settings.Severity(info);
                if (severity == LintSeverity.None || suppressed.Contains(rule.Id)) continue;
                context.Current = info;
                context.CurrentSeverity = severity;
                rule.Check(context);
            }
            return findings;
        }

        /// <summary>The contract's lint findings as report findings, files displayed with <paramref name="paths"/>.</summary>
        public static IReadOnlyList<ReportFinding> Findings(LintInput input, DisplayPaths paths) =>
            Lint(input).Select(f => ToReport(f, input.Contract, paths)).ToList();

        public static ReportFinding ToReport(LintFinding finding, Contract contract, DisplayPaths paths)
        {
            string? file = finding.Location?.File;
            string display = file == null || SamePath(file, contract.FilePath) || file == contract.DisplayPath ? contract.DisplayPath : paths.Of(file) ?? file;
            return new ReportFinding(finding.Rule.Id, Severity(finding.Severity), contract.Subject, display,
                finding.Location?.Line ?? 0, finding.Location?.Column ?? 0, finding.Message, path: finding.Path);
        }

        public static FindingSeverity Severity(LintSeverity severity) => severity switch
        {
            LintSeverity.Error => FindingSeverity.Error,
            LintSeverity.Warning => FindingSeverity.Warning,
            _ => FindingSeverity.Note,
        };

        private static bool SamePath(string a, string b)
        {
            try
            {
                return string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), DisplayPaths.PathComparison);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return false;
            }
        }
    }
}

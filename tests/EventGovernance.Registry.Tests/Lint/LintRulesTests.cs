using System;
using System.IO;
using System.Linq;
using EventGovernance.Registry.Lint;

namespace EventGovernance.Registry.Tests.Lint
{
    /// <summary>The central id list, the rule classes, their files and their pages stay in step.</summary>
    public class LintRulesTests
    {
        [Fact]
        public void Every_listed_rule_has_one_check_in_a_file_named_after_it()
        {
            Assert.Equal(LintRules.All.Select(r => r.Id), ContractLinter.Rules.Select(r => r.Id));
            string directory = Path.Combine(RepositoryPaths.Root, "src", "EventGovernance.Registry", "Lint", "Rules");
            string[] expected = ContractLinter.Rules.Select(r => r.GetType().Name + ".cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
            Assert.All(ContractLinter.Rules, r => Assert.StartsWith(r.Id, r.GetType().Name));
            Assert.Equal(expected, Directory.GetFiles(directory, "*.cs").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray());
        }

        [Fact]
        public void Every_rule_has_a_page_linked_as_help_and_a_row_in_the_rules_index()
        {
            string index = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "rules", "README.md"));
            Assert.All(LintRules.All, rule =>
            {
                Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "docs", "rules", rule.Id + ".md")), $"{rule.Id} has no page");
                Assert.Equal($"https://github.com/eventgovernance/eventgovernance/blob/main/docs/rules/{rule.Id}.md", ErrorCodes.HelpLink(rule.Id));
                Assert.Equal(rule.NextStep, ErrorCodes.NextStep(rule.Id));
                Assert.Contains($"| [{rule.Id}]({rule.Id}.md) |", index);
            });
        }

        [Fact]
        public void Only_EG1107_is_off_by_default()
        {
            Assert.Equal(new[] { LintRules.MissingDescription }, LintRules.All.Where(r => r.DefaultSeverity == LintSeverity.None).Select(r => r.Id));
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace EventGovernance.Registry.Tests
{
    /// <summary>The gate's codes link to pages that exist, in the same form as the analyzers' help links.</summary>
    public class ErrorCodesTests
    {
        [Fact]
        public void Links_are_the_project_url_and_the_docs_page()
        {
            string props = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
            string projectUrl = XDocument.Parse(props).Descendants("PackageProjectUrl").Single().Value.Trim();

            Assert.All(ErrorCodes.All, code =>
                Assert.Equal($"{projectUrl}/blob/main/docs/errors/{code}.md", ErrorCodes.HelpLink(code)));
        }

        [Fact]
        public void Every_code_has_a_page_and_a_next_step()
        {
            Assert.All(ErrorCodes.All, code =>
            {
                string page = Path.Combine(RepositoryPaths.Root, "docs", "errors", code + ".md");
                Assert.True(File.Exists(page), $"{code} has no page at {page}");
                Assert.NotEqual("see the documentation", ErrorCodes.NextStep(code));
            });
        }

        [Fact]
        public void Every_gate_code_and_lint_rule_has_a_title_of_its_own_that_is_not_the_next_step()
        {
            var codes = ErrorCodes.All.Concat(Registry.Lint.LintRules.All.Select(r => r.Id)).ToList();
            Assert.All(codes, code =>
            {
                string title = ErrorCodes.Title(code);
                Assert.NotEqual(code, title);
                Assert.NotEqual(ErrorCodes.NextStep(code), title);
            });
            Assert.Equal(codes.Count, codes.Select(ErrorCodes.Title).Distinct().Count());
            Assert.Equal(Registry.Lint.LintRules.Find("EG1101")!.Title, ErrorCodes.Title("EG1101"));
        }

        [Fact]
        public void A_message_ends_with_the_next_step_and_the_page()
        {
            Assert.Equal(
                "subject 'x': bad; make the change compatible or publish it under a new subject (see https://github.com/eventgovernance/eventgovernance/blob/main/docs/errors/EG1001.md)",
                ErrorCodes.WithNextStep(ErrorCodes.BreakingChange, "subject 'x': bad"));
        }
    }
}

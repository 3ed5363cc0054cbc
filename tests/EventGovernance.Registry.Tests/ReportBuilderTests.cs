using System;
using System.IO;
using System.Linq;
using EventGovernance.Compatibility;
using EventGovernance.Registry.Reporting;

namespace EventGovernance.Registry.Tests
{
    /// <summary>The one place that locates, words and de-duplicates what the gate reports.</summary>
    public class ReportBuilderTests
    {
        private static readonly string Base = Path.Combine(Path.GetTempPath(), "eg-report-base");
        private static readonly string ContractFile = Path.Combine(Base, "contracts", "order.schema.json");
        private static readonly Contract Order = new Contract(ContractFile, "order", SchemaType.Json, displayPath: Path.Combine("contracts", "order.schema.json"));

        private static ContractResult Breaking(params ContractFinding[] findings) =>
            new ContractResult(Order, ContractStatus.Breaking, CompatibilityLevel.Backward, findings, "breaks version 1");

        private static ContractFinding TypeChanged(int line, int version = 1) =>
            new ContractFinding(new Difference("TYPE_CHANGED", "#/properties/total", false, "the type changed at #/properties/total",
                new SourceLocation(ContractFile, line, 5), new SourceLocation(ContractFile, line, 5)), version, CheckDirection.Backward);

        [Fact]
        public void A_breaking_finding_carries_code_place_type_path_and_page()
        {
            GateReport report = new ReportBuilder(new DisplayPaths(Base)).Build(new[] { Breaking(TypeChanged(7)) }, "contracts/registry");
            ReportFinding finding = Assert.Single(report.Findings);
            Assert.Equal(("EG1001", FindingSeverity.Error, "order"), (finding.Code, finding.Severity, finding.Subject));
            Assert.Equal((Path.Combine("contracts", "order.schema.json"), 7, 5), (finding.File, finding.Line, finding.Column));
            Assert.Equal(("TYPE_CHANGED", "#/properties/total"), (finding.DifferenceType, finding.Path));
            Assert.Equal(ErrorCodes.HelpLink("EG1001"), finding.HelpLink);
            Assert.StartsWith("subject 'order' breaks BACKWARD compatibility with version 1 (TYPE_CHANGED)", finding.Message);
            Assert.Equal(ErrorCodes.WithNextStep("EG1001", finding.Message), finding.FullMessage);
            Assert.Equal(("BREAKING", "JSON", "BACKWARD"), (report.Contracts[0].StatusName, report.Contracts[0].Format, report.Contracts[0].Level));
            Assert.Equal(1, report.ExitCode);
        }

        [Fact]
        public void The_same_finding_against_two_versions_is_reported_once_at_each_place()
        {
            GateReport report = new ReportBuilder(new DisplayPaths(Base)).Build(
                new[] { Breaking(TypeChanged(7, version: 1), TypeChanged(7, version: 1), TypeChanged(9, version: 1)) }, "r");
            Assert.Equal(new[] { 7, 9 }, report.Findings.Select(f => f.Line).ToArray());
        }

        [Fact]
        public void A_removed_element_is_reported_on_the_contract_file_and_names_where_it_was()
        {
            var removed = new ContractFinding(new Difference("PROPERTY_REMOVED", "#/properties/note", false, "a property was removed",
                originalLocation: new SourceLocation("registry/subjects/order/versions/1.json", 12, 3)), 1, CheckDirection.Backward,
                registeredLocation: "registry/subjects/order/versions/1.json");
            ReportFinding finding = Assert.Single(new ReportBuilder(new DisplayPaths(Base)).Build(new[] { Breaking(removed) }, "r").Findings);
            Assert.Equal((Order.DisplayPath, 0, 0), (finding.File, finding.Line, finding.Column));
            Assert.Contains("(it was at registered version 1, line 12)", finding.Message);
        }

        [Fact]
        public void A_referenced_file_is_shown_relative_to_the_base_directory()
        {
            string referenced = Path.Combine(Base, "contracts", "shared", "money.schema.json");
            var finding = new ContractFinding(new Difference("TYPE_CHANGED", "#/properties/amount", false, "the type changed",
                new SourceLocation(referenced, 3, 1), new SourceLocation(referenced, 3, 1)), 1, CheckDirection.Backward);
            ReportFinding reported = Assert.Single(new ReportBuilder(new DisplayPaths(Base)).Build(new[] { Breaking(finding) }, "r").Findings);
            Assert.Equal(Path.Combine("contracts", "shared", "money.schema.json"), reported.File);
            Assert.Equal(referenced, new ReportBuilder(new DisplayPaths(Path.Combine(Base, "elsewhere"))).Build(new[] { Breaking(finding) }, "r").Findings.Single().File);
        }

        [Fact]
        public void An_unreadable_contract_is_one_EG1002_at_the_error_and_exit_code_2()
        {
            var error = new SchemaException(ContractFile, 4, 2, "unexpected end of JSON");
            var result = new ContractResult(Order, ContractStatus.Invalid, CompatibilityLevel.Backward, Array.Empty<Difference>(), error.Message, error);
            GateReport report = new ReportBuilder(new DisplayPaths(Base)).Build(new[] { result }, "r");
            ReportFinding finding = Assert.Single(report.Findings);
            Assert.Equal(("EG1002", Order.DisplayPath, 4, 2), (finding.Code, finding.File, finding.Line, finding.Column));
            Assert.Equal("subject 'order': unexpected end of JSON", finding.Message);
            Assert.Equal(2, report.ExitCode);
        }
    }
}

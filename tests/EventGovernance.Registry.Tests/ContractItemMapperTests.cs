using System;
using System.Collections.Generic;
using System.IO;
using EventGovernance.Compatibility;
using EventGovernance.Registry;

namespace EventGovernance.Registry.Tests
{
    /// <summary>The item-to-contract mapping the build task and eventgov share.</summary>
    public class ContractItemMapperTests
    {
        private static readonly string Root = Path.Combine(Path.GetTempPath(), "eg-mapper");
        private static readonly string ProjectDirectory = Path.Combine(Root, "src", "Shop");

        [Fact]
        public void Specs_resolve_against_the_project_and_display_against_the_display_directory()
        {
            var problems = new List<ContractItemProblem>();

            Contract? contract = ContractItemMapper.Map(new ContractItem("contracts/placed.schema.json", subject: "orders-value", compatibility: "full"),
                ProjectDirectory, Root, problems);

            Assert.Empty(problems);
            Assert.NotNull(contract);
            Assert.Equal(Path.Combine(ProjectDirectory, "contracts", "placed.schema.json"), contract!.FilePath);
            Assert.Equal(Path.Combine("src", "Shop", "contracts", "placed.schema.json"), contract.DisplayPath);
            Assert.Equal("orders-value", contract.Subject);
            Assert.Equal(CompatibilityLevel.Full, contract.Compatibility);
        }

        [Fact]
        public void Bad_metadata_is_a_problem_at_the_displayed_file()
        {
            var problems = new List<ContractItemProblem>();

            IReadOnlyList<Contract> contracts = ContractItemMapper.Map(
                new[] { new ContractItem("contracts/placed.schema.json", schemaType: "xml") }, ProjectDirectory, ProjectDirectory, problems);

            Assert.Empty(contracts);
            ContractItemProblem problem = Assert.Single(problems);
            Assert.Equal(Path.Combine("contracts", "placed.schema.json"), problem.DisplayPath);
            Assert.Equal("SchemaType metadata 'xml' is not one of JSON, AVRO, PROTOBUF", problem.Message);
        }

        [Theory]
        [InlineData("2.5", true, 2.5)]
        [InlineData(" 30 ", true, 30)]
        [InlineData("0", false, 0)]
        [InlineData("-1", false, 0)]
        [InlineData("soon", false, 0)]
        [InlineData("NaN", false, 0)]
        public void Timeouts_are_positive_seconds_in_the_invariant_culture(string text, bool valid, double seconds)
        {
            Assert.Equal(valid, GateTuning.TryParseTimeout(text, out TimeSpan timeout));
            if (valid) Assert.Equal(TimeSpan.FromSeconds(seconds), timeout);
        }

        [Theory]
        [InlineData("0", true)]
        [InlineData("10", true)]
        [InlineData("11", false)]
        [InlineData("-1", false)]
        [InlineData("three", false)]
        public void Retries_are_whole_numbers_up_to_ten(string text, bool valid) =>
            Assert.Equal(valid, GateTuning.TryParseRetries(text, out _));

        [Theory]
        [InlineData("strict", true, JsonCompatibilityPolicy.Strict)]
        [InlineData("LENIENT", true, JsonCompatibilityPolicy.Lenient)]
        [InlineData("loose", false, JsonCompatibilityPolicy.Strict)]
        public void Policies_are_strict_or_lenient(string text, bool valid, JsonCompatibilityPolicy expected)
        {
            Assert.Equal(valid, GateTuning.TryParsePolicy(text, out JsonCompatibilityPolicy policy));
            Assert.Equal(expected, policy);
        }
    }
}

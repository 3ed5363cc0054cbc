using System.Threading.Tasks;
using EventGovernance.Registry.Lint;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests.Lint
{
    public class EG1105ProtobufFieldNotReservedTests
    {
        private const string TwoFields = "optional string order_id = 1;\n    optional string note = 2;";

        [Fact]
        public async Task A_removed_field_without_reserved_fires()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Registered("order", ".proto", Samples.Proto(dataFields: TwoFields));
            run.Contract("order.proto", Samples.Proto());

            LintFinding finding = Assert.Single(await run.LintAsync("order", LintRules.ProtobufFieldNotReserved));
            Assert.Equal(LintSeverity.Error, finding.Severity);
            Assert.Contains("field note = 2 was removed from message OrderPlaced.Data without reserving its number and name", finding.Message);
            Assert.Equal(10, finding.Location!.Line); // message Data
        }

        [Fact]
        public async Task A_removed_field_reserved_by_number_and_name_does_not_fire_and_half_reserved_does()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Registered("full", ".proto", Samples.Proto(name: "Full", dataFields: TwoFields));
            run.Contract("full.proto", Samples.Proto(name: "Full", dataFields: "optional string order_id = 1;\n    reserved 2 to 4;\n    reserved \"note\";"));
            run.Registered("half", ".proto", Samples.Proto(name: "Half", dataFields: TwoFields));
            run.Contract("half.proto", Samples.Proto(name: "Half", dataFields: "optional string order_id = 1;\n    reserved 2;"));

            Assert.Empty(await run.LintAsync("full", LintRules.ProtobufFieldNotReserved));
            Assert.Contains("without reserving its name", Assert.Single(await run.LintAsync("half", LintRules.ProtobufFieldNotReserved)).Message);
        }

        [Fact]
        public async Task A_removed_enum_value_and_a_number_reused_with_another_type_fire()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Registered("order", ".proto", Samples.Proto(dataFields: TwoFields, extra: "enum State {\n  NEW = 0;\n  PAID = 1;\n}\n"));
            run.Contract("order.proto", Samples.Proto(dataFields: "optional string order_id = 1;\n    optional int64 note_count = 2;", extra: "enum State {\n  NEW = 0;\n}\n"));

            var findings = await run.LintAsync("order", LintRules.ProtobufFieldNotReserved);
            Assert.Equal(2, findings.Count);
            Assert.Contains(findings, f => f.Message.StartsWith("field number 2 of message OrderPlaced.Data was string note and is now int64 note_count"));
            Assert.Contains(findings, f => f.Message.StartsWith("value PAID = 1 was removed from enum State"));
        }

        [Fact]
        public async Task A_new_subject_has_nothing_to_compare_with()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Contract("order.proto", Samples.Proto());

            Assert.Empty(await run.LintAsync("order", LintRules.ProtobufFieldNotReserved));
        }
    }
}

namespace EventGovernance.Registry.Tests.Lint
{
    public class LintBlocksRegistrationTests
    {
        [Fact]
        public async Task An_error_level_finding_registers_nothing_and_without_lint_the_contract_registers()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Registered("order", ".proto", Samples.Proto(dataFields: "optional string order_id = 1;\n    optional string note = 2;"));
            run.Contract("order.proto", Samples.Proto());
            string registryDirectory = dir.Combine("contracts", "registry");
            var contracts = ContractDiscovery.Find(dir.Combine("contracts"), registryDirectory);

            RegistrationReport linted = await new ContractRegistrar(new EmbeddedRegistry(registryDirectory),
                new GateOptions { ContractsRoot = dir.Combine("contracts"), Lint = true }).RegisterAsync(contracts);
            Assert.False(linted.Succeeded);
            Assert.Empty(linted.Registered);
            Assert.Contains("nothing registered: 1 contract(s) do not pass (order)", linted.Message);

            RegistrationReport plain = await new ContractRegistrar(new EmbeddedRegistry(registryDirectory),
                new GateOptions { ContractsRoot = dir.Combine("contracts") }).RegisterAsync(contracts);
            Assert.True(plain.Succeeded, plain.Message);
        }
    }
}

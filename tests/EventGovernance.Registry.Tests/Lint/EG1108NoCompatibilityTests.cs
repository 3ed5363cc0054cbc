using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Registry.Lint;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests.Lint
{
    public class EG1108NoCompatibilityTests
    {
        [Theory]
        [InlineData("NONE", 3)]
        [InlineData("BACKWARD", 0)]
        [InlineData("FULL_TRANSITIVE", 0)]
        public async Task Fires_for_every_format_only_at_NONE(string level, int expected)
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir, level);
            run.Contract("a.schema.json", Samples.Json());
            run.Contract("b.avsc", Samples.Avro());
            run.Contract("c.proto", Samples.Proto());

            var findings = (await run.ResultsAsync()).SelectMany(r => r.Lint).Where(f => f.Rule.Id == LintRules.NoCompatibility).ToList();
            Assert.Equal(expected, findings.Count);
            Assert.All(findings, f => Assert.Equal(LintSeverity.Warning, f.Severity));
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using EventGovernance.Compatibility.Json;
using Xunit.Abstractions;

namespace EventGovernance.Compatibility.Tests.Json
{
    /// <summary>Runs the registry's own JSON Schema diff cases and compares verdicts and change sets.</summary>
    public class ConfluentJsonCorpusTests
    {
        /// <summary>Cases whose reported change set must equal the registry's exactly; raise it when the engine improves.</summary>
        private const int ChangeSetAgreementFloor = 132;

        private readonly ITestOutputHelper _output;

        public ConfluentJsonCorpusTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> Cases() =>
            ConfluentJsonCorpus.All.Select(c => new object[] { c.Description, c.File, c.Index });

        [Theory]
        [MemberData(nameof(Cases))]
        public void Verdict_matches_the_registry(string description, string file, int index)
        {
            ConfluentJsonCase c = ConfluentJsonCorpus.All.Single(x => x.File == file && x.Index == index);
            Assert.Equal(description, c.Description);

            IReadOnlyList<Difference> strict = c.Diff(JsonCompatibilityPolicy.Strict);
            IReadOnlyList<Difference> lenient = c.Diff(JsonCompatibilityPolicy.Lenient);
            string found = string.Join(", ", strict.Select(d => d.ToString()));
            Assert.True(c.Compatible == strict.All(d => d.IsCompatible),
                $"STRICT verdict: expected {(c.Compatible ? "compatible" : "incompatible")}; found [{found}], registry [{string.Join(", ", c.Changes)}]");
            Assert.True(c.CompatibleLenient == lenient.All(d => d.IsCompatible),
                $"LENIENT verdict: expected {(c.CompatibleLenient ? "compatible" : "incompatible")}; found [{found}]");
        }

        [Fact]
        public void Corpus_has_every_case()
        {
            Assert.Equal(132, ConfluentJsonCorpus.All.Count);
        }

        [Fact]
        public void Change_sets_agree_with_the_registry()
        {
            int agree = 0, strictVerdicts = 0, lenientVerdicts = 0;
            foreach (ConfluentJsonCase c in ConfluentJsonCorpus.All)
            {
                IReadOnlyList<Difference> strict = c.Diff(JsonCompatibilityPolicy.Strict);
                if (strict.All(d => d.IsCompatible) == c.Compatible) strictVerdicts++;
                if (c.Diff(JsonCompatibilityPolicy.Lenient).All(d => d.IsCompatible) == c.CompatibleLenient) lenientVerdicts++;
                var ours = new HashSet<string>(strict.Select(d => $"{d.Type} {d.Path}"));
                var theirs = new HashSet<string>(c.Changes);
                if (ours.SetEquals(theirs))
                {
                    agree++;
                    continue;
                }
                _output.WriteLine($"{c}: ours [{string.Join(", ", ours.OrderBy(x => x))}] registry [{string.Join(", ", theirs.OrderBy(x => x))}]");
            }
            int total = ConfluentJsonCorpus.All.Count;
            _output.WriteLine($"STRICT verdicts {strictVerdicts}/{total}, LENIENT verdicts {lenientVerdicts}/{total}, change sets {agree}/{total}");
            Assert.True(agree >= ChangeSetAgreementFloor, $"change sets agree in {agree}/{total} cases, below the floor of {ChangeSetAgreementFloor}");
        }
    }
}

using System.IO;
using System.Text.RegularExpressions;
using Microsoft.Build.Utilities;

namespace EventGovernance.Build.Tests;

/// <summary>
/// `dotnet build` of a project that references the packed EventGovernance.Build package. The tests share
/// one restored project (see <see cref="ConsumerProjectFixture"/>) and run one after another; each starts
/// from the repository's own contracts, which must pass.
/// </summary>
[Collection(ConsumerProjectCollection.Name)]
public sealed class BuildGateEndToEndTests
{
    private const string CheckTarget = "_EventGovernanceCheckEmbedded";
    private const string Summary = "EventGovernance: checked";
    private static readonly string OrderPlaced = Path.Combine("contracts", "orders", "order-placed.schema.json");

    private readonly ConsumerProjectFixture _project;

    public BuildGateEndToEndTests(ConsumerProjectFixture project)
    {
        _project = project;
        _project.ResetContracts();
    }

    private string ContractPath(string displayPath) => Path.Combine(_project.ProjectDirectory, displayPath);

    /// <summary>Replaces text in a contract, failing when the text is not there (the contracts changed).</summary>
    private void Edit(string displayPath, string from, string to)
    {
        string path = ContractPath(displayPath);
        string text = File.ReadAllText(path);
        Assert.True(text.Contains(from), $"{displayPath} no longer contains the text this test edits: {from}");
        File.WriteAllText(path, text.Replace(from, to));
    }

    private static int LineOf(string path, string marker)
    {
        int index = Array.FindIndex(File.ReadAllLines(path), l => l.Contains(marker));
        Assert.True(index >= 0, $"{path} has no line containing {marker}");
        return index + 1;
    }

    private static void AssertSucceeded(ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, "the build should succeed. " + result.Describe());
        Assert.False(Regex.IsMatch(result.Output, @"error EG\d{4}"), "the build should report no EG error. " + result.Describe());
    }

    private static void AssertOutputMatches(ProcessResult result, string pattern) =>
        Assert.True(Regex.IsMatch(result.Output, pattern), $"the output should match {pattern}. " + result.Describe());

    private static void AssertOutputContains(ProcessResult result, string text) =>
        Assert.True(result.Output.Contains(text, StringComparison.Ordinal), $"the output should contain {text}. " + result.Describe());

    private static void AssertFailed(ProcessResult result)
    {
        Assert.True(result.ExitCode != 0, "the build should fail. " + result.Describe());
    }

    [Fact]
    public void Repository_contracts_build_and_a_compatible_change_builds()
    {
        ProcessResult baseline = _project.Build();
        AssertSucceeded(baseline);
        AssertOutputContains(baseline, Summary);
        // The packed task lints too, reading contracts/.editorconfig: the repository's contracts lint clean.
        Assert.DoesNotMatch(@"(warning|error) EG11\d\d", baseline.Output);
        AssertOutputContains(baseline, "0 breaking, 0 invalid");

        // An optional property in a closed payload is compatible under BACKWARD.
        Edit(Path.Combine("contracts", "orders", "order-shipped.schema.json"),
            "\"tracking_number\": {", "\"estimated_delivery\": { \"type\": \"string\" },\n        \"tracking_number\": {");
        ProcessResult changed = _project.Build();
        AssertSucceeded(changed);
        AssertOutputMatches(changed, @"order-shipped\.schema\.json: subject 'order-shipped' is compatible");
    }

    [Fact]
    public void Second_build_with_nothing_changed_skips_the_check()
    {
        ProcessResult first = _project.Build();
        AssertSucceeded(first);
        AssertOutputContains(first, Summary);

        ProcessResult second = _project.Build();
        AssertSucceeded(second);
        AssertOutputContains(second, $"Skipping target \"{CheckTarget}\" because all output files are up-to-date");
        Assert.True(!second.Output.Contains(Summary, StringComparison.Ordinal), $"the output should not contain {Summary}. " + second.Describe());
    }

    [Fact]
    public void Breaking_changes_fail_with_the_canonical_error_at_the_changed_line()
    {
        Edit(OrderPlaced, "\"total\": {\n          \"type\": \"number\",\n          \"minimum\": 0\n        },", "\"total\": { \"type\": \"string\" },");
        int line = LineOf(ContractPath(OrderPlaced), "\"total\"");

        ProcessResult result = _project.Build();
        AssertFailed(result);
        Match error = Regex.Match(result.Output, Regex.Escape(OrderPlaced) + @"\((\d+),(\d+)\): error EG1001: subject 'order-placed' breaks BACKWARD compatibility");
        Assert.True(error.Success, "expected the canonical EG1001 error on order-placed. " + result.Describe());
        Assert.Equal(line, int.Parse(error.Groups[1].Value));
        // The column is the engine's; the build must report exactly what the task computes.
        (int expectedLine, int expectedColumn) = InProcessLocation("EG1001");
        AssertOutputContains(result, $"{OrderPlaced}({expectedLine},{expectedColumn}): error EG1001:");
        // What a developer acts on: who breaks, what to do next and the page, as dotnet build prints it.
        AssertOutputContains(result, "; it breaks consumers using the new schema reading data written with version 2; make the change compatible or publish it under a new subject (see https://github.com/eventgovernance/eventgovernance/blob/main/docs/errors/EG1001.md)");

        // Avro and Protobuf contracts in the same build: one error each, at the changed line.
        string orderPaid = Path.Combine("contracts", "orders", "order-paid.avsc");
        string orderReturned = Path.Combine("contracts", "orders", "order-returned.proto");
        Edit(orderPaid, "{\n            \"name\": \"amount_cents\",\n            \"type\": \"long\"\n          }", "{ \"name\": \"amount_cents\", \"type\": \"string\" }");
        Edit(orderReturned, "int64 refund_cents = 3;", "string refund_cents = 3;");
        ProcessResult all = _project.Build();
        AssertFailed(all);
        AssertOutputMatches(all, Regex.Escape($"{orderPaid}({LineOf(ContractPath(orderPaid), "amount_cents")},") + @"\d+\): error EG1001: subject 'order-paid'");
        AssertOutputMatches(all, Regex.Escape($"{orderReturned}({LineOf(ContractPath(orderReturned), "refund_cents")},") + @"\d+\): error EG1001: subject 'order-returned'");
        AssertOutputContains(all, $"{OrderPlaced}({expectedLine},{expectedColumn}): error EG1001:");

        // A failed check leaves no stamp: building again checks (and fails) again.
        ProcessResult again = _project.Build();
        AssertFailed(again);
        AssertOutputContains(again, $"{OrderPlaced}({expectedLine},{expectedColumn}): error EG1001:");
    }

    [Fact]
    public void Breaking_change_to_the_shared_avro_envelope_fails_at_the_envelope_line()
    {
        // The Avro events reference the envelope by full name; it is checked under its own subject.
        string envelope = Path.Combine("contracts", "envelope", "eventgovernance.envelope.EventEnvelope.avsc");
        Edit(envelope, "\"name\": \"event_version\",\n      \"type\": \"int\"", "\"name\": \"event_version\",\n      \"type\": \"string\"");
        int line = LineOf(ContractPath(envelope), "\"event_version\"") + 1;

        ProcessResult result = _project.Build();
        AssertFailed(result);
        AssertOutputMatches(result, Regex.Escape($"{envelope}({line},") + @"\d+\): error EG1001: subject 'eventgovernance\.envelope\.EventEnvelope' breaks BACKWARD compatibility");
    }

    [Fact]
    public void A_change_only_in_a_referenced_file_fails_the_contracts_referencing_it_in_every_format()
    {
        // Each shared envelope is a contract of its own; the events use it through $ref, a named type and an import.
        string jsonEnvelope = Path.Combine("contracts", "envelope", "envelope.schema.json");
        string avroEnvelope = Path.Combine("contracts", "envelope", "eventgovernance.envelope.EventEnvelope.avsc");
        string protoEnvelope = Path.Combine("contracts", "envelope", "event-envelope.proto");
        Edit(jsonEnvelope, "\"event_version\": {\n      \"type\": \"integer\"", "\"event_version\": {\n      \"type\": \"string\"");
        Edit(avroEnvelope, "\"name\": \"event_version\",\n      \"type\": \"int\"", "\"name\": \"event_version\",\n      \"type\": \"string\"");
        Edit(protoEnvelope, "int32 event_version = 3;", "string event_version = 3;");

        ProcessResult result = _project.Build();

        AssertFailed(result);
        // order-shipped, order-paid and order-delivered are identical to their registered text; the error is at the changed line of the referenced file.
        AssertOutputMatches(result, Regex.Escape($"{jsonEnvelope}({LineOf(ContractPath(jsonEnvelope), "\"event_version\": {")},") + @"\d+\): error EG1001: subject 'order-shipped' breaks BACKWARD");
        AssertOutputMatches(result, Regex.Escape($"{avroEnvelope}({LineOf(ContractPath(avroEnvelope), "\"event_version\"") + 1},") + @"\d+\): error EG1001: subject 'order-paid' breaks BACKWARD");
        AssertOutputMatches(result, Regex.Escape($"{protoEnvelope}({LineOf(ContractPath(protoEnvelope), "event_version")},") + @"\d+\): error EG1001: subject 'order-delivered' breaks BACKWARD");
    }

    [Fact]
    public void Incremental_build_checks_again_when_only_a_referenced_file_that_is_not_an_item_changed()
    {
        // The JSON envelope is referenced by the order events but is not an EventContract item here.
        string targets = Path.Combine(_project.ProjectDirectory, "Directory.Build.targets");
        string original = File.ReadAllText(targets);
        File.WriteAllText(targets, "<Project>\n  <ItemGroup>\n    <EventContract Remove=\"contracts/envelope/envelope.schema.json\" />\n  </ItemGroup>\n</Project>\n");
        try
        {
            AssertSucceeded(_project.Build());
            ProcessResult skipped = _project.Build();
            AssertSucceeded(skipped);
            AssertOutputContains(skipped, $"Skipping target \"{CheckTarget}\" because all output files are up-to-date");

            string envelope = Path.Combine("contracts", "envelope", "envelope.schema.json");
            Edit(envelope, "\"event_version\": {\n      \"type\": \"integer\"", "\"event_version\": {\n      \"type\": \"string\"");
            ProcessResult changed = _project.Build();
            AssertFailed(changed);
            AssertOutputMatches(changed, Regex.Escape($"{envelope}(") + @"\d+,\d+\): error EG1001: subject 'order-shipped' breaks BACKWARD");
        }
        finally
        {
            File.WriteAllText(targets, original);
        }
    }

    [Fact]
    public void Out_of_process_task_host_reports_the_same_error()
    {
        Edit(OrderPlaced, "\"total\": {\n          \"type\": \"number\",", "\"total\": {\n          \"type\": \"string\",");
        ProcessResult result = _project.Build("EventGovernanceTaskOutOfProcess=true");
        AssertFailed(result);
        AssertOutputMatches(result, Regex.Escape(OrderPlaced) + @"\(\d+,\d+\): error EG1001: subject 'order-placed'");
    }

    [Fact]
    public void Malformed_contract_fails_with_EG1002_at_file_and_line()
    {
        Edit(OrderPlaced, "\"customer_id\": {", "\"customer_id\": ,{");
        int line = LineOf(ContractPath(OrderPlaced), "\"customer_id\"");

        ProcessResult result = _project.Build();
        AssertFailed(result);
        Match error = Regex.Match(result.Output, Regex.Escape(OrderPlaced) + @"\((\d+),(\d+)\): error EG1002: ");
        Assert.True(error.Success, "expected an EG1002 error with file and line. " + result.Describe());
        Assert.Equal(line, int.Parse(error.Groups[1].Value));
    }

    [Fact]
    public void New_subject_passes_with_a_message()
    {
        string archived = Path.Combine("contracts", "orders", "order-archived.schema.json");
        File.Copy(ContractPath(Path.Combine("contracts", "orders", "order-shipped.schema.json")), ContractPath(archived));
        // And with a lint warning in the canonical form: the archived event has no correlation_id.
        Edit(archived, "\"correlation_id\"", "\"trace_id\"");
        ProcessResult result = _project.Build();
        AssertOutputMatches(result, Regex.Escape(archived) + @"\(1,1\): warning EG1102: 'order-archived' does not carry the standard envelope: no correlation_id");
        AssertSucceeded(result);
        AssertOutputContains(result, "subject 'order-archived' is new");
        AssertOutputContains(result, "register it with `eventgov register` or `dotnet build -t:EventGovernanceRegister`");
        AssertOutputContains(result, "1 new");
    }

    [Fact]
    public void Remote_registry_is_checked_on_every_build_and_credentials_stay_out_of_the_output()
    {
        const string password = "Pa55-e2e-9f3c1d";
        using var registry = new UnauthorizedRegistry();
        string[] properties = { "EventGovernanceRegistry=" + registry.Url, "EventGovernanceRegistryBasicAuth=e2e-user:" + password };

        // Off CI an unreachable registry is a warning, and nothing is stamped: the next build asks again.
        ProcessResult first = _project.Build(properties);
        AssertSucceeded(first);
        AssertOutputContains(first, "warning EG1003: the schema registry is unavailable");
        ProcessResult second = _project.Build(properties);
        AssertSucceeded(second);
        AssertOutputContains(second, "warning EG1003");

        // On CI it is an error.
        ProcessResult onCi = _project.Build(properties.Append("CI=true").ToArray());
        AssertFailed(onCi);
        AssertOutputContains(onCi, "error EG1003");

        Assert.Contains(registry.Authorizations, a => a != null && a.StartsWith("Basic ", StringComparison.Ordinal));
        foreach (ProcessResult result in new[] { first, second, onCi })
            Assert.True(!result.Output.Contains(password, StringComparison.Ordinal), "the password appears in the build output. " + result.Describe());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_protobuf_contract_nested_thousands_deep_fails_with_EG1002_instead_of_crashing_the_build(bool outOfProcess)
    {
        // Before the depth limit this overflowed the stack: the build died with exit 134 in process and hung out of process.
        var text = new System.Text.StringBuilder("syntax = \"proto3\";\n");
        for (int i = 0; i < 10_000; i++) text.Append("message M").Append(i).Append(" {\n");
        text.Append("int32 leaf = 1;\n");
        for (int i = 0; i < 10_000; i++) text.Append("}\n");
        File.WriteAllText(ContractPath(Path.Combine("contracts", "deep.proto")), text.ToString());

        ProcessResult result = outOfProcess ? _project.Build("EventGovernanceTaskOutOfProcess=true") : _project.Build();

        AssertFailed(result);
        AssertOutputMatches(result, @"contracts[/\\]deep\.proto\(130,14\): error EG1002: subject 'deep': the schema nests deeper than 128 levels");
        Assert.True(!result.Output.Contains("Stack overflow", StringComparison.Ordinal) && !result.Output.Contains("   at ", StringComparison.Ordinal),
            "the build output should hold no stack trace. " + result.Describe());
    }

    [Theory]
    [InlineData(Misbehavior.Hang, "did not answer within 1 s")]
    [InlineData(Misbehavior.Garbage, "answered something that is not Schema Registry's REST API")]
    public void A_hanging_or_garbage_remote_registry_is_EG1003_within_the_timeout(Misbehavior behavior, string expected)
    {
        const string password = "Pa55-e2e-mis-77ab";
        using var registry = new MisbehavingRegistry(behavior);
        ProcessResult result = _project.Build("EventGovernanceRegistry=" + registry.Url, "EventGovernanceRegistryBasicAuth=e2e-user:" + password,
            "EventGovernanceRegistryTimeout=1", "EventGovernanceRegistryRetries=0", "CI=true");

        AssertFailed(result);
        AssertOutputContains(result, "error EG1003: the schema registry is unavailable");
        AssertOutputContains(result, expected);
        Assert.True(!result.Output.Contains("EG1000", StringComparison.Ordinal), "the registry's failure is not ours. " + result.Describe());
        Assert.True(!result.Output.Contains(password, StringComparison.Ordinal), "the password appears in the build output. " + result.Describe());
        Assert.Contains(registry.Requests, r => r.Contains("Authorization: Basic ", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_bad_registry_timeout_property_is_EG1004_naming_it()
    {
        ProcessResult result = _project.Build("EventGovernanceRegistryTimeout=soon");
        AssertFailed(result);
        AssertOutputContains(result, "error EG1004: EventGovernanceRegistryTimeout is 'soon'; expected a positive number of seconds");
    }

    [Fact]
    public void Project_without_contracts_builds_and_says_where_it_looked()
    {
        Directory.Delete(_project.ContractsDirectory, recursive: true);
        // A message, not a warning: projects that treat warnings as errors must still build.
        ProcessResult result = _project.Build("TreatWarningsAsErrors=true");
        AssertSucceeded(result);
        Assert.DoesNotMatch(@"warning EG\d{4}", result.Output);
        string line = result.Output.Split('\n').FirstOrDefault(l => l.Contains("EventGovernance: no event contracts found", StringComparison.Ordinal)) ?? "";
        Assert.True(line.Length > 0, "the build should say it found no contracts. " + result.Describe());
        Assert.Contains("contracts/**/*.schema.json", line, StringComparison.Ordinal);
        Assert.Contains("EventGovernanceContractsRoot", line, StringComparison.Ordinal);
        Assert.Contains("EventContract", line, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(result.Output, "EventGovernance: no event contracts found"));
    }

    [Fact]
    public void Compile_errors_and_contract_errors_are_reported_together()
    {
        string broken = Path.Combine(_project.ProjectDirectory, "Broken.cs");
        File.WriteAllText(broken, "namespace Consumer;\n\npublic static class Broken\n{\n    public static int Value => \"not a number\";\n}\n");
        try
        {
            Edit(OrderPlaced, "\"total\": {\n          \"type\": \"number\",", "\"total\": {\n          \"type\": \"string\",");
            ProcessResult result = _project.Build();
            AssertFailed(result);
            AssertOutputMatches(result, @"Broken\.cs\(5,\d+\): error CS0029");
            AssertOutputMatches(result, Regex.Escape(OrderPlaced) + @"\(\d+,\d+\): error EG1001: subject 'order-placed'");

            // Fixing the code alone still fails on the contract: nothing was stamped.
            File.Delete(broken);
            ProcessResult again = _project.Build();
            AssertFailed(again);
            AssertOutputMatches(again, Regex.Escape(OrderPlaced) + @"\(\d+,\d+\): error EG1001: subject 'order-placed'");
            Assert.DoesNotMatch(@"error CS\d{4}", again.Output);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void Disabled_gate_does_not_check()
    {
        Edit(OrderPlaced, "\"type\": \"number\"", "\"type\": \"string\"");
        ProcessResult result = _project.Build("EventGovernanceEnabled=false");
        AssertSucceeded(result);
        Assert.True(!result.Output.Contains(Summary, StringComparison.Ordinal), $"the output should not contain {Summary}. " + result.Describe());
    }

    /// <summary>Runs the task in-process on the consumer project and returns where it reports the first error with the code.</summary>
    private (int Line, int Column) InProcessLocation(string code)
    {
        var engine = new RecordingBuildEngine();
        string[] contracts = Directory.GetFiles(_project.ContractsDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Path.Combine(_project.ContractsDirectory, "registry") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => f.EndsWith(".schema.json", StringComparison.Ordinal) || f.EndsWith(".avsc", StringComparison.Ordinal) || f.EndsWith(".proto", StringComparison.Ordinal))
            .ToArray();
        var task = new CheckEventContracts
        {
            BuildEngine = engine,
            Contracts = contracts.Select(c => new TaskItem(c)).ToArray(),
            ProjectDirectory = _project.ProjectDirectory,
            ContractsRoot = _project.ContractsDirectory,
            Registry = Path.Combine(_project.ContractsDirectory, "registry"),
        };
        task.Execute();
        var error = engine.Errors.FirstOrDefault(e => e.Code == code && e.File == OrderPlaced);
        Assert.True(error != null, $"the task run in-process reports no {code} on {OrderPlaced}:\n{engine.Transcript}");
        return (error!.LineNumber, error.ColumnNumber);
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EventGovernance.Registry;
using EventGovernance.Registry.Reporting;
using EventGovernance.Tests;
using JsonSchema = NJsonSchema.JsonSchema;

namespace EventGovernance.Cli.Tests.Diff
{
    /// <summary>eventgov diff --against: temporary repositories with real commits, compared with the working tree.</summary>
    public class DiffCommandTests
    {
        private const string OrderV1 = @"{
  ""type"": ""object"",
  ""properties"": {
    ""id"": { ""type"": ""string"" },
    ""total"": { ""type"": ""number"" },
    ""note"": { ""type"": ""string"" }
  },
  ""required"": [""id""]
}
";

        // total narrowed and customer required: breaking; note removed and channel added: compatible (open content model).
        private const string OrderV2 = @"{
  ""type"": ""object"",
  ""properties"": {
    ""id"": { ""type"": ""string"" },
    ""total"": { ""type"": ""integer"" },
    ""customer"": { ""type"": ""string"" },
    ""channel"": { ""type"": ""string"" }
  },
  ""required"": [""id"", ""customer""]
}
";

        private const string PaymentV1 = @"{
  ""type"": ""record"", ""name"": ""Payment"", ""namespace"": ""shop"",
  ""fields"": [
    { ""name"": ""id"", ""type"": ""string"" },
    { ""name"": ""amount"", ""type"": ""double"" }
  ]
}
";

        // A field with a default: compatible both ways.
        private const string PaymentV2 = @"{
  ""type"": ""record"", ""name"": ""Payment"", ""namespace"": ""shop"",
  ""fields"": [
    { ""name"": ""id"", ""type"": ""string"" },
    { ""name"": ""amount"", ""type"": ""double"" },
    { ""name"": ""currency"", ""type"": ""string"", ""default"": ""EUR"" }
  ]
}
";

        private const string ShipmentV1 = @"syntax = ""proto3"";
package shop;

message Shipment {
  string id = 1;
  int32 weight = 2;
}
";

        // weight changes its scalar kind: breaking.
        private const string ShipmentV2 = @"syntax = ""proto3"";
package shop;

message Shipment {
  string id = 1;
  string weight = 2;
  string carrier = 3;
}
";

        private const string Customer = @"{ ""type"": ""record"", ""name"": ""Customer"", ""namespace"": ""shop"", ""fields"": [ { ""name"": ""id"", ""type"": ""string"" } ] }
";

        private const string Coupon = @"{ ""type"": ""record"", ""name"": ""Coupon"", ""namespace"": ""shop"", ""fields"": [ { ""name"": ""code"", ""type"": ""string"" } ] }
";

        private const string Invoice = @"{ ""type"": ""object"", ""properties"": { ""id"": { ""type"": ""string"" } } }
";

        /// <summary>
        /// main: order, payment, shipment, customer, coupon. The working tree (branch feature, committed): order and
        /// shipment break, payment changes compatibly, customer moved, coupon removed, invoice added.
        /// </summary>
        private static GitWorkspace Mixed()
        {
            var repo = new GitWorkspace();
            repo.Write("contracts/orders/order.schema.json", OrderV1);
            repo.Write("contracts/billing/payment.avsc", PaymentV1);
            repo.Write("contracts/shipping/shipment.proto", ShipmentV1);
            repo.Write("contracts/customer.avsc", Customer);
            repo.Write("contracts/legacy/coupon.avsc", Coupon);
            repo.Commit("contracts v1");
            repo.Git("checkout", "-q", "-b", "feature");
            repo.Write("contracts/orders/order.schema.json", OrderV2);
            repo.Write("contracts/billing/payment.avsc", PaymentV2);
            repo.Write("contracts/shipping/shipment.proto", ShipmentV2);
            repo.Move("contracts/customer.avsc", "contracts/crm/customer.avsc");
            repo.Delete("contracts/legacy/coupon.avsc");
            repo.Write("contracts/billing/invoice.schema.json", Invoice);
            repo.Commit("contracts v2");
            return repo;
        }

        [Fact]
        public void Markdown_comment_for_added_removed_renamed_compatible_and_breaking_contracts_matches_the_verified_file()
        {
            using GitWorkspace repo = Mixed();
            CliResult result = repo.Diff("--against", "main", "--format", "markdown");
            Assert.True(result.ExitCode == 1, result.Stdout + result.Stderr);
            Assert.StartsWith(PullRequestComment.Marker, result.Stdout);
            Verified.Matches("mixed", "md", result.Stdout);
        }

        [Fact]
        public void Markdown_links_are_absolute_with_a_link_base()
        {
            using GitWorkspace repo = Mixed();
            CliResult result = repo.Diff("--against", "main", "--format", "markdown", "--link-base", "https://github.com/shop/events/blob/abc123/");
            Assert.Contains("[contracts/orders/order.schema.json#L5](https://github.com/shop/events/blob/abc123/contracts/orders/order.schema.json#L5)", result.Stdout);
        }

        [Fact]
        public async Task Sarif_has_one_result_per_breaking_difference_validates_against_the_schema_and_matches_the_verified_file()
        {
            using GitWorkspace repo = Mixed();
            CliResult result = repo.Diff("--against", "main", "--format", "sarif");
            Assert.True(result.ExitCode == 1, result.Stdout + result.Stderr);

            JsonSchema schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Shared, "schemas", "sarif-schema-2.1.0.json"));
            var errors = schema.Validate(result.Stdout);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));

            using JsonDocument log = JsonDocument.Parse(result.Stdout);
            JsonElement[] results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
            // order: TYPE_NARROWED, a required property and (strict policy) an optional one; shipment: the scalar kind.
            // Compatible changes are no results. The rest are the lint's findings on the changed contracts (EG11xx).
            JsonElement[] breaking = results.Where(r => r.GetProperty("ruleId").GetString() == "EG1001").ToArray();
            Assert.Equal(4, breaking.Length);
            Assert.All(results.Except(breaking), r => Assert.StartsWith("EG11", r.GetProperty("ruleId").GetString()));
            Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "EG1105");

            // A rule's short description is its title (what it finds); the full description and help, the next step.
            var rules = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
                .ToDictionary(r => r.GetProperty("id").GetString()!, r => r);
            Assert.Equal("Breaking change to a registered schema", rules["EG1001"].GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Equal(ErrorCodes.NextStep("EG1001"), rules["EG1001"].GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.Equal(ErrorCodes.NextStep("EG1001"), rules["EG1001"].GetProperty("help").GetProperty("text").GetString());
            Assert.Equal("JSON Schema object with an open content model", rules["EG1101"].GetProperty("shortDescription").GetProperty("text").GetString());

            // The driver's version is the build's (it changes with every commit); everything else is the verified text.
            string pretty = JsonSerializer.Serialize(JsonDocument.Parse(result.Stdout.Replace($"\"version\":\"{Program.Version}\"", "\"version\":\"(eventgov version)\"")).RootElement,
                new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            Verified.Matches("mixed", "sarif", pretty + "\n");
        }

        [Fact]
        public void Sarif_fingerprints_do_not_change_when_lines_move()
        {
            using GitWorkspace repo = Mixed();
            string before = Fingerprints(repo.Diff("--against", "main", "--format", "sarif").Stdout);
            repo.Write("contracts/orders/order.schema.json", "\n\n\n" + OrderV2);
            repo.Commit("blank lines");
            string after = Fingerprints(repo.Diff("--against", "main", "--format", "sarif").Stdout);
            Assert.Equal(before, after);
        }

        private static string Fingerprints(string sarif)
        {
            using JsonDocument log = JsonDocument.Parse(sarif);
            return string.Join("\n", log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("partialFingerprints").GetRawText()));
        }

        [Fact]
        public void Json_names_each_change_with_its_verdicts_and_the_working_tree_is_left_as_it_was()
        {
            using GitWorkspace repo = Mixed();
            repo.Write("contracts/orders/order.schema.json", OrderV2.Replace("\"channel\"", "\"origin\"")); // an uncommitted edit
            string status = repo.Git("status", "--porcelain");
            CliResult result = repo.Diff("--against", "main", "--format", "json");
            Assert.True(result.ExitCode == 1, result.Stdout + result.Stderr);
            Assert.Equal(status, repo.Git("status", "--porcelain"));
            Assert.Equal("", repo.Git("stash", "list"));

            using JsonDocument json = JsonDocument.Parse(result.Stdout);
            Assert.Equal("main", json.RootElement.GetProperty("against").GetString());
            Assert.Equal(repo.Git("rev-parse", "main").Trim(), json.RootElement.GetProperty("base").GetString());
            var contracts = json.RootElement.GetProperty("contracts").EnumerateArray()
                .ToDictionary(c => c.GetProperty("subject").GetString()!, c => c);
            Assert.Equal(("kept", "BREAKING"), Change(contracts["order"]));
            Assert.Equal(("kept", "COMPATIBLE"), Change(contracts["payment"]));
            Assert.Equal(("kept", "BREAKING"), Change(contracts["shipment"]));
            Assert.Equal(("renamed", "UNCHANGED"), Change(contracts["customer"]));
            Assert.Equal("contracts/customer.avsc", contracts["customer"].GetProperty("oldFile").GetString());
            Assert.Equal(("removed", "REMOVED"), Change(contracts["coupon"]));
            Assert.Equal(("added", "ADDED"), Change(contracts["invoice"]));

            JsonElement verdicts = contracts["payment"].GetProperty("verdicts");
            Assert.True(verdicts.GetProperty("BACKWARD").GetBoolean() && verdicts.GetProperty("FORWARD").GetBoolean() && verdicts.GetProperty("FULL").GetBoolean());
            JsonElement orderVerdicts = contracts["order"].GetProperty("verdicts");
            Assert.False(orderVerdicts.GetProperty("BACKWARD").GetBoolean());

            JsonElement narrowed = contracts["order"].GetProperty("breaking").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "TYPE_NARROWED");
            Assert.Equal(("#/properties/total", "backward", "bump-event-version"),
                (narrowed.GetProperty("path").GetString(), narrowed.GetProperty("direction").GetString(), narrowed.GetProperty("migration").GetString()));
            JsonElement finding = contracts["order"].GetProperty("findings").EnumerateArray().First();
            Assert.Equal(("contracts/orders/order.schema.json", 5), (finding.GetProperty("file").GetString(), finding.GetProperty("line").GetInt32()));
            // The uncommitted edit is what was compared.
            Assert.Contains(contracts["order"].GetProperty("differences").EnumerateArray(), d => d.GetProperty("path").GetString() == "#/properties/origin");
        }

        private static (string?, string?) Change(JsonElement contract) =>
            (contract.GetProperty("change").GetString(), contract.GetProperty("status").GetString());

        [Fact]
        public void Nothing_breaking_exits_0()
        {
            using var repo = new GitWorkspace();
            repo.Write("contracts/billing/payment.avsc", PaymentV1);
            repo.Commit("v1");
            repo.Write("contracts/billing/payment.avsc", PaymentV2);
            CliResult result = repo.Diff("--against", "main");
            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            Assert.Contains("COMPATIBLE payment (contracts/billing/payment.avsc): compatible with the version at main of 'payment' at BACKWARD", result.Stdout);
        }

        [Fact]
        public void Level_option_applies_to_every_subject()
        {
            using var repo = new GitWorkspace();
            // Removing a field with a default is compatible BACKWARD but not FORWARD_... readers of the old schema need a default.
            repo.Write("contracts/orders/order.schema.json", OrderV1);
            repo.Commit("v1");
            repo.Write("contracts/orders/order.schema.json", OrderV1.Replace(@"    ""note"": { ""type"": ""string"" }" + "\n", "").Replace(@"""type"": ""number"" },", @"""type"": ""number"" }"));
            Assert.Equal(0, repo.Diff("--against", "main").ExitCode);
            CliResult closed = repo.Diff("--against", "main", "--level", "NONE");
            Assert.Equal(0, closed.ExitCode);
            Assert.Contains("at NONE", closed.Stdout);
        }

        [Fact]
        public async Task Levels_configured_in_the_embedded_registry_apply_as_in_the_gate()
        {
            using var repo = new GitWorkspace();
            // An optional property added to a closed object: BACKWARD passes, FORWARD breaks.
            const string Closed = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},\"additionalProperties\":false}\n";
            repo.Write("contracts/order.schema.json", Closed);
            repo.Write("contracts/refund.schema.json", Closed);
            var registry = new EmbeddedRegistry(Path.Combine(repo.Contracts, "registry"));
            await registry.RegisterAsync("order", EventGovernance.Compatibility.SchemaType.Json, Closed, Array.Empty<SchemaReference>());
            await registry.SetCompatibilityAsync("order", EventGovernance.Compatibility.CompatibilityLevel.Forward);
            repo.Commit("v1, registered");
            string open = Closed.Replace("}},", "},\"note\":{\"type\":\"string\"}},");
            repo.Write("contracts/order.schema.json", open);
            repo.Write("contracts/refund.schema.json", open);
            CliResult result = repo.Diff("--against", "main", "--format", "json");
            Assert.True(result.ExitCode == 1, result.Stdout + result.Stderr);
            Assert.Equal(("BREAKING", "FORWARD"), (Contract(result, "order").GetProperty("status").GetString(), Contract(result, "order").GetProperty("level").GetString()));
            Assert.Equal(("COMPATIBLE", "BACKWARD"), (Contract(result, "refund").GetProperty("status").GetString(), Contract(result, "refund").GetProperty("level").GetString()));
            // The registry's own files are no contracts, at the ref or here.
            Assert.Equal(2, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("contracts").GetArrayLength());
        }

        [Fact]
        public void Merge_base_form_compares_with_where_the_branch_started()
        {
            using var repo = new GitWorkspace();
            repo.Write("contracts/orders/order.schema.json", OrderV1);
            repo.Commit("v1");
            repo.Git("checkout", "-q", "-b", "feature");
            repo.Write("contracts/billing/payment.avsc", PaymentV1);
            repo.Commit("feature adds payment");
            repo.Git("checkout", "-q", "main");
            repo.Write("contracts/orders/order.schema.json", OrderV2); // main moves on after the branch started
            repo.Commit("main changes order");
            repo.Git("checkout", "-q", "feature");

            CliResult direct = repo.Diff("--against", "main");
            Assert.Contains("BREAKING", direct.Stdout); // the feature branch lacks main's newer order: against main's tip it "breaks"
            CliResult mergeBase = repo.Diff("--against", "main...HEAD", "--format", "json");
            Assert.True(mergeBase.ExitCode == 0, mergeBase.Stdout + mergeBase.Stderr);
            using JsonDocument json = JsonDocument.Parse(mergeBase.Stdout);
            var statuses = json.RootElement.GetProperty("contracts").EnumerateArray()
                .ToDictionary(c => c.GetProperty("subject").GetString()!, c => c.GetProperty("status").GetString());
            Assert.Equal("UNCHANGED", statuses["order"]);
            Assert.Equal("ADDED", statuses["payment"]);
        }

        [Fact]
        public void Outside_a_git_repository_exits_2_with_one_line()
        {
            using var repo = new GitWorkspace(init: false);
            repo.Write("contracts/orders/order.schema.json", OrderV1);
            CliResult result = repo.Diff("--against", "main");
            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.Contains("is not inside a git repository", line);
            Assert.Equal("", result.Stdout);
        }

        [Fact]
        public void Unknown_ref_exits_2_with_one_line()
        {
            using var repo = new GitWorkspace();
            repo.Write("contracts/orders/order.schema.json", OrderV1);
            repo.Commit("v1");
            CliResult result = repo.Diff("--against", "origin/nope");
            Assert.Equal(2, result.ExitCode);
            Assert.Equal("eventgov: unknown git ref 'origin/nope': no branch, tag or commit of that name in this repository (git fetch it first if it is remote)", Assert.Single(result.StderrLines));
        }

        [Fact]
        public void A_ref_that_looks_like_an_option_is_refused()
        {
            using var repo = new GitWorkspace();
            repo.Write("contracts/orders/order.schema.json", OrderV1);
            repo.Commit("v1");
            CliResult result = repo.Diff("--against=--output=x");
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("is not a git ref", Assert.Single(result.StderrLines));
        }

        [Fact]
        public void Shallow_clone_lacking_the_ref_says_to_fetch_it()
        {
            using var origin = new GitWorkspace();
            origin.Write("contracts/orders/order.schema.json", OrderV1);
            origin.Commit("v1");
            origin.Write("contracts/orders/order.schema.json", OrderV2);
            origin.Commit("v2");
            using var clone = new GitWorkspace(init: false);
            clone.Git("clone", "-q", "--depth", "1", "file://" + origin.Path, ".");
            CliResult result = clone.Diff("--against", "HEAD~1");
            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.Contains("'HEAD~1' is not in this shallow clone: fetch it (git fetch --unshallow", line);
        }

        [Fact]
        public void Malformed_contract_exits_2_naming_file_and_line()
        {
            using var repo = new GitWorkspace();
            repo.Write("contracts/orders/order.schema.json", OrderV1);
            repo.Commit("v1");
            repo.Write("contracts/orders/order.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n}\n");
            CliResult result = repo.Diff("--against", "main", "--format", "markdown");
            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.Matches(new Regex(@"^contracts/orders/order\.schema\.json\(\d+(,\d+)?\): error EG1002: "), line);
        }

        private const string Unterminated = "{\n  \"type\": \"object\",\n  \"properties\": {\n}\n";

        [Fact]
        public void A_contract_malformed_at_the_ref_and_repaired_here_is_a_warning_and_checked_as_added()
        {
            using var repo = new GitWorkspace();
            repo.Write("contracts/orders/order.schema.json", Unterminated);
            repo.Commit("broken contract");
            repo.Write("contracts/orders/order.schema.json", OrderV1);
            CliResult result = repo.Diff("--against", "main", "--format", "json");
            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            Assert.Equal("", result.Stderr);

            JsonElement order = Contract(result, "order");
            Assert.Equal("ADDED", order.GetProperty("status").GetString());
            JsonElement warning = Assert.Single(order.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == ErrorCodes.MalformedContract);
            Assert.Equal("warning", warning.GetProperty("severity").GetString());
            Assert.Matches(new Regex(@"main:contracts/orders/order\.schema\.json\(\d+(,\d+)?\)"), warning.GetProperty("message").GetString());
            // Lint runs as for an added contract: OrderV1 leaves its content model open.
            Assert.Contains(order.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "EG1101");
        }

        [Fact]
        public void A_version_at_the_ref_that_is_not_a_schema_is_a_warning_in_the_text_report()
        {
            using var repo = new GitWorkspace();
            repo.Write("contracts/billing/payment.avsc", @"{ ""type"": ""record"", ""name"": ""Payment"", ""fields"": [ { ""name"": ""id"", ""type"": ""no.such.Type"" } ] }");
            repo.Commit("not a schema");
            repo.Write("contracts/billing/payment.avsc", PaymentV1);
            CliResult result = repo.Diff("--against", "main");
            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            Assert.Contains(result.StdoutLines, l => l.Contains("warning EG1002") && l.Contains("main:contracts/billing/payment.avsc"));
        }

        [Fact]
        public void A_contract_malformed_at_the_ref_and_still_malformed_here_exits_2()
        {
            using var repo = new GitWorkspace();
            repo.Write("contracts/orders/order.schema.json", Unterminated);
            repo.Commit("broken contract");
            repo.Write("contracts/orders/order.schema.json", Unterminated + " ");
            CliResult result = repo.Diff("--against", "main", "--format", "markdown");
            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.Matches(new Regex(@"^contracts/orders/order\.schema\.json\(\d+(,\d+)?\): error EG1002: "), line);
        }

        [Fact]
        public void Change_inside_a_referenced_json_file_makes_the_referencing_contract_changed()
        {
            using var repo = new GitWorkspace();
            repo.Write("contracts/common/money.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": { \"amount\": { \"type\": \"number\" } }\n}\n");
            repo.Write("contracts/orders/order.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"total\": { \"$ref\": \"../common/money.schema.json\" }\n  }\n}\n");
            repo.Commit("v1");
            repo.Write("contracts/common/money.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": { \"amount\": { \"type\": \"integer\" } }\n}\n");
            CliResult result = repo.Diff("--against", "main", "--format", "json");
            Assert.True(result.ExitCode == 1, result.Stdout + result.Stderr);
            JsonElement order = Contract(result, "order");
            Assert.Equal("BREAKING", order.GetProperty("status").GetString());
            Assert.Contains("its own text is unchanged, but the schemas it references changed", order.GetProperty("message").GetString());
            Assert.Equal("BREAKING", Contract(result, "money").GetProperty("status").GetString());
        }

        [Fact]
        public void Avro_named_type_from_another_file_resolves_from_the_ref_and_its_change_counts()
        {
            using var repo = new GitWorkspace();
            repo.Write("contracts/shared/shop.Address.avsc", "{ \"type\": \"record\", \"name\": \"Address\", \"namespace\": \"shop\", \"fields\": [ { \"name\": \"city\", \"type\": \"string\" } ] }\n");
            repo.Write("contracts/orders/order.avsc", "{ \"type\": \"record\", \"name\": \"Order\", \"namespace\": \"shop\", \"fields\": [ { \"name\": \"to\", \"type\": \"shop.Address\" } ] }\n");
            repo.Commit("v1");
            // A new field without a default: new readers cannot read old addresses.
            repo.Write("contracts/shared/shop.Address.avsc", "{ \"type\": \"record\", \"name\": \"Address\", \"namespace\": \"shop\", \"fields\": [ { \"name\": \"city\", \"type\": \"string\" }, { \"name\": \"zip\", \"type\": \"string\" } ] }\n");
            CliResult result = repo.Diff("--against", "main", "--format", "json");
            Assert.True(result.ExitCode == 1, result.Stdout + result.Stderr);
            JsonElement order = Contract(result, "order");
            Assert.Equal("BREAKING", order.GetProperty("status").GetString());
            Assert.Contains(order.GetProperty("breaking").EnumerateArray(), b => b.GetProperty("migration").GetString() == "optional-with-default");
        }

        [Fact]
        public void Protobuf_import_resolves_from_the_ref_and_its_change_counts()
        {
            using var repo = new GitWorkspace();
            repo.Write("contracts/common/money.proto", "syntax = \"proto3\";\npackage shop;\n\nmessage Money {\n  int64 units = 1;\n}\n");
            repo.Write("contracts/orders/order.proto", "syntax = \"proto3\";\npackage shop;\n\nimport \"common/money.proto\";\n\nmessage Order {\n  Money total = 1;\n}\n");
            repo.Commit("v1");
            repo.Write("contracts/common/money.proto", "syntax = \"proto3\";\npackage shop;\n\nmessage Money {\n  string units = 1;\n}\n");
            CliResult result = repo.Diff("--against", "main", "--format", "json");
            Assert.True(result.ExitCode == 1, result.Stdout + result.Stderr);
            Assert.Equal("BREAKING", Contract(result, "order").GetProperty("status").GetString());
        }

        private static JsonElement Contract(CliResult result, string subject)
        {
            using JsonDocument json = JsonDocument.Parse(result.Stdout);
            return json.RootElement.GetProperty("contracts").EnumerateArray().Single(c => c.GetProperty("subject").GetString() == subject).Clone();
        }

        [Theory]
        [InlineData("https://schemas.example.com/money.schema.json", "remote reference 'https://schemas.example.com/money.schema.json' is refused")]
        [InlineData("../../outside.schema.json", "points outside the contracts root and is refused")]
        public void References_at_the_ref_outside_the_contracts_root_or_remote_are_refused(string reference, string refusal)
        {
            using var repo = new GitWorkspace();
            repo.Write("outside.schema.json", "{ \"type\": \"string\" }\n");
            repo.Write("contracts/orders/order.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"total\": { \"$ref\": \"" + reference + "\" }\n  }\n}\n");
            repo.Commit("v1 with a bad reference");
            repo.Write("contracts/orders/order.schema.json", OrderV1);
            CliResult result = repo.Diff("--against", "main", "--format", "json");
            // The version at the ref is refused, not followed; the working tree no longer has the reference, so it decides.
            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            JsonElement warning = Assert.Single(Contract(result, "order").GetProperty("findings").EnumerateArray(),
                f => f.GetProperty("code").GetString() == ErrorCodes.MalformedContract);
            Assert.Equal("warning", warning.GetProperty("severity").GetString());
            Assert.Contains("main:contracts/orders/order.schema.json", warning.GetProperty("message").GetString());
            Assert.Contains(refusal, warning.GetProperty("message").GetString());
        }

        [Fact]
        public void Project_mode_uses_the_project_s_subjects_and_levels()
        {
            using var repo = new GitWorkspace();
            string build = Path.Combine(RepositoryPaths.Root, "src", "EventGovernance.Build", "build");
            string project = repo.Write("Shop.csproj",
                "<Project>\n" +
                $"  <Import Project=\"{Path.Combine(build, "EventGovernance.Build.props")}\" />\n" +
                "  <ItemGroup><EventContract Update=\"contracts/order-placed.schema.json\" Subject=\"orders.v1-value\" Compatibility=\"FORWARD\" /></ItemGroup>\n" +
                $"  <Import Project=\"{Path.Combine(build, "EventGovernance.Build.targets")}\" />\n" +
                "</Project>\n");
            // An optional property added to a closed object: BACKWARD passes, FORWARD breaks.
            repo.Write("contracts/order-placed.schema.json",
                "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},\"required\":[\"id\"],\"additionalProperties\":false}\n");
            repo.Commit("v1");
            repo.Write("contracts/order-placed.schema.json",
                "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"note\":{\"type\":\"string\"}},\"required\":[\"id\"],\"additionalProperties\":false}\n");
            CliResult result = CliRunner.Run("diff", "--project", project, "--against", "main", "--format", "json");
            Assert.True(result.ExitCode == 1, result.Stdout + result.Stderr);
            JsonElement contract = Contract(result, "orders.v1-value");
            Assert.Equal(("BREAKING", "FORWARD"), (contract.GetProperty("status").GetString(), contract.GetProperty("level").GetString()));
            Assert.True(contract.GetProperty("verdicts").GetProperty("BACKWARD").GetBoolean());
            Assert.Equal("forward", contract.GetProperty("breaking")[0].GetProperty("direction").GetString());
        }

        [Fact]
        public void Five_hundred_breaking_changes_fit_in_one_comment_and_the_rest_is_counted()
        {
            using var repo = new GitWorkspace();
            string Schema(string type) => "{\n  \"type\": \"object\",\n  \"properties\": {\n"
                + string.Join(",\n", Enumerable.Range(1, 500).Select(i => $"    \"field{i:000}\": {{ \"type\": \"{type}\" }}"))
                + "\n  }\n}\n";
            // The contract's own design (open, no envelope, fat) is linted too; this test counts breaking changes only.
            repo.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.EG1101.severity = none\n" +
                "dotnet_diagnostic.EG1102.severity = none\ndotnet_diagnostic.EG1106.severity = none\n");
            repo.Write("contracts/wide.schema.json", Schema("number"));
            repo.Commit("v1");
            repo.Write("contracts/wide.schema.json", Schema("integer"));
            CliResult result = repo.Diff("--against", "main", "--format", "markdown");
            Assert.Equal(1, result.ExitCode);
            Assert.True(result.Stdout.Length <= PullRequestComment.MaxLength, $"{result.Stdout.Length} characters");
            int shown = Regex.Matches(result.Stdout, @"^- `#/properties/field\d+` `TYPE_NARROWED`", RegexOptions.Multiline).Count;
            Match more = Regex.Match(result.Stdout, @"_(\d+) more, see the SARIF/JSON artifact\._");
            Assert.True(more.Success, result.Stdout.Substring(result.Stdout.Length - 300));
            Assert.True(shown > 0);
            Assert.Equal(500, shown + int.Parse(more.Groups[1].Value));
            Assert.StartsWith(PullRequestComment.Marker, result.Stdout);
        }

        [Fact]
        public async Task Against_a_registry_reports_the_gate_s_verdicts()
        {
            using var repo = new GitWorkspace(init: false);
            var registry = new EmbeddedRegistry(Path.Combine(repo.Contracts, "registry"));
            await registry.RegisterAsync("order", EventGovernance.Compatibility.SchemaType.Json, OrderV1, Array.Empty<SchemaReference>());
            repo.Write("contracts/orders/order.schema.json", OrderV2);
            repo.Write("contracts/billing/invoice.schema.json", Invoice);
            CliResult result = repo.Diff("--registry", Path.Combine(repo.Contracts, "registry"), "--format", "json");
            Assert.True(result.ExitCode == 1, result.Stdout + result.Stderr);
            Assert.Equal("BREAKING", Contract(result, "order").GetProperty("status").GetString());
            Assert.Equal("ADDED", Contract(result, "invoice").GetProperty("status").GetString());
        }

        [Fact]
        public async Task Against_a_registry_gives_each_changed_subject_the_three_verdicts_and_calls_out_a_registered_subject_without_contract()
        {
            using var repo = new GitWorkspace(init: false);
            var registry = new EmbeddedRegistry(Path.Combine(repo.Contracts, "registry"));
            await registry.RegisterAsync("order", EventGovernance.Compatibility.SchemaType.Json, OrderV1, Array.Empty<SchemaReference>());
            await registry.RegisterAsync("payment", EventGovernance.Compatibility.SchemaType.Avro, PaymentV1, Array.Empty<SchemaReference>());
            await registry.RegisterAsync("coupon", EventGovernance.Compatibility.SchemaType.Avro, Coupon, Array.Empty<SchemaReference>());
            repo.Write("contracts/orders/order.schema.json", OrderV2);
            repo.Write("contracts/billing/payment.avsc", PaymentV2);
            CliResult result = repo.Diff("--registry", Path.Combine(repo.Contracts, "registry"), "--format", "json");
            Assert.True(result.ExitCode == 1, result.Stdout + result.Stderr);

            JsonElement payment = Contract(result, "payment").GetProperty("verdicts");
            Assert.True(payment.GetProperty("BACKWARD").GetBoolean() && payment.GetProperty("FORWARD").GetBoolean() && payment.GetProperty("FULL").GetBoolean());
            JsonElement order = Contract(result, "order").GetProperty("verdicts");
            Assert.False(order.GetProperty("BACKWARD").GetBoolean());
            Assert.False(order.GetProperty("FULL").GetBoolean());
            // The registry sits inside the contracts root: its subjects are this repository's, so one without a contract was removed.
            Assert.Equal(("removed", "REMOVED"), Change(Contract(result, "coupon")));

            CliResult markdown = repo.Diff("--registry", Path.Combine(repo.Contracts, "registry"), "--format", "markdown");
            Assert.Contains("Subject `coupon` was removed", markdown.Stdout);
        }

        [Fact]
        public async Task Against_a_registry_outside_the_contracts_root_no_other_subject_is_called_removed()
        {
            using var repo = new GitWorkspace(init: false);
            string shared = Path.Combine(repo.Path, "shared-registry");
            var registry = new EmbeddedRegistry(shared);
            await registry.RegisterAsync("order", EventGovernance.Compatibility.SchemaType.Json, OrderV1, Array.Empty<SchemaReference>());
            await registry.RegisterAsync("coupon", EventGovernance.Compatibility.SchemaType.Avro, Coupon, Array.Empty<SchemaReference>());
            repo.Write("contracts/orders/order.schema.json", OrderV1);
            CliResult result = repo.Diff("--registry", shared, "--format", "json");
            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            using JsonDocument json = JsonDocument.Parse(result.Stdout);
            Assert.Equal(new[] { "order" }, json.RootElement.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("subject").GetString()).ToArray());
        }

        [Fact]
        public void Against_and_registry_together_are_bad_usage()
        {
            using var repo = new GitWorkspace();
            CliResult result = repo.Diff("--against", "main", "--registry", repo.Contracts);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("contradict each other", Assert.Single(result.StderrLines));
        }

        [Fact]
        public void Unknown_format_is_bad_usage_in_one_line()
        {
            using var repo = new GitWorkspace();
            CliResult result = repo.Diff("--against", "main", "--format", "pdf");
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("'pdf'", Assert.Single(result.StderrLines));
        }

        [Fact]
        public void Output_file_holds_the_report_and_stdout_the_summary()
        {
            using GitWorkspace repo = Mixed();
            string file = Path.Combine(repo.Path, "..", Guid.NewGuid().ToString("N") + ".md");
            try
            {
                CliResult result = repo.Diff("--against", "main", "--format", "markdown", "--output", file);
                Assert.Equal(1, result.ExitCode);
                Assert.StartsWith(PullRequestComment.Marker, File.ReadAllText(file));
                Assert.Contains("report written to", Assert.Single(result.StdoutLines));
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry.Lint;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests.Lint
{
    /// <summary>
    /// Lints contracts through the real gate: files under <c>&lt;dir&gt;/contracts</c>, an embedded registry in
    /// <c>contracts/registry</c> holding the registered versions and the level, the engine's own parsers.
    /// </summary>
    internal sealed class LintRun
    {
        private readonly TempDirectory _dir;

        public LintRun(TempDirectory dir, string level = "BACKWARD")
        {
            _dir = dir;
            _dir.Write("contracts/registry/config.json", "{\"compatibilityLevel\": \"" + level + "\"}");
        }

        public string Contract(string relativePath, string text) => _dir.Write("contracts/" + relativePath, text);

        /// <summary>Registers <paramref name="text"/> as version 1 of <paramref name="subject"/> (references none).</summary>
        public void Registered(string subject, string extension, string text) =>
            _dir.Write($"contracts/registry/subjects/{subject}/versions/1{extension}", text);

        public void EditorConfig(string relativeDirectory, string text) =>
            _dir.Write(Path.Combine("contracts", relativeDirectory, ".editorconfig"), text);

        /// <summary>Every contract's results, lint included.</summary>
        public async Task<IReadOnlyList<ContractResult>> ResultsAsync()
        {
            string registry = _dir.Combine("contracts", "registry");
            var gate = new ContractGate(new EmbeddedRegistry(registry), new GateOptions { ContractsRoot = _dir.Combine("contracts"), Lint = true });
            return await gate.CheckAsync(ContractDiscovery.Find(_dir.Combine("contracts"), registry));
        }

        /// <summary>The lint findings of the contract with this subject.</summary>
        public async Task<IReadOnlyList<LintFinding>> LintAsync(string subject)
        {
            ContractResult result = (await ResultsAsync()).Single(r => r.Contract.Subject == subject);
            Assert.True(result.Status != ContractStatus.Invalid, result.Message);
            return result.Lint;
        }

        public async Task<IReadOnlyList<LintFinding>> LintAsync(string subject, string rule) =>
            (await LintAsync(subject)).Where(f => f.Rule.Id == rule).ToList();
    }

    /// <summary>Contracts with the full envelope, in each format, to build the rule tests on.</summary>
    internal static class Samples
    {
        /// <summary>A closed JSON event with every envelope field inline; <paramref name="data"/> is the payload's properties.</summary>
        public static string Json(string data = "\"order_id\": {\"type\": \"string\"}", string version = "{\"const\": 1}", string extra = "",
            string dataClose = ", \"additionalProperties\": false", string rootClose = ", \"additionalProperties\": false", string type = "{\"const\": \"order.placed\"}",
            string dataRequired = "") =>
            "{\n" +
            "  \"type\": \"object\"" + rootClose + extra + ",\n" +
            "  \"properties\": {\n" +
            "    \"event_id\": {\"type\": \"string\"},\n" +
            "    \"event_type\": " + type + ",\n" +
            "    \"event_version\": " + version + ",\n" +
            "    \"occurred_at\": {\"type\": \"string\"},\n" +
            "    \"correlation_id\": {\"type\": \"string\"},\n" +
            "    \"data\": {\n" +
            "      \"type\": \"object\"" + dataClose + ",\n" +
            "      \"properties\": {" + data + "}" + dataRequired + "\n" +
            "    }\n" +
            "  }\n" +
            "}\n";

        /// <summary>An Avro event with the envelope fields inline, each with a default.</summary>
        public static string Avro(string dataFields = "{\"name\": \"order_id\", \"type\": \"string\", \"default\": \"\"}", string name = "OrderPlaced",
            string ns = "\"namespace\": \"shop.orders\",", string version = "1", string extra = "", string dataDefault = "\"default\": {}, ") =>
            "{\n" +
            "  \"type\": \"record\", \"name\": \"" + name + "\", " + ns + extra + "\n" +
            "  \"fields\": [\n" +
            "    {\"name\": \"event_id\", \"type\": \"string\", \"default\": \"\"},\n" +
            "    {\"name\": \"event_type\", \"type\": \"string\", \"default\": \"\"},\n" +
            "    {\"name\": \"event_version\", \"type\": \"int\", \"default\": " + version + "},\n" +
            "    {\"name\": \"occurred_at\", \"type\": \"long\", \"default\": 0},\n" +
            "    {\"name\": \"correlation_id\", \"type\": [\"null\", \"string\"], \"default\": null},\n" +
            "    {\"name\": \"data\", " + dataDefault + "\"type\": {\"type\": \"record\", \"name\": \"" + name + "Data\", \"fields\": [" + dataFields + "]}}\n" +
            "  ]\n" +
            "}\n";

        /// <summary>A proto2 event with the envelope fields inline (proto2, so event_version can carry a default).</summary>
        public static string Proto(string dataFields = "optional string order_id = 1;", string name = "OrderPlaced", string version = "1", string extra = "") =>
            "syntax = \"proto2\";\n" +
            "package shop.orders;\n" +
            extra +
            "message " + name + " {\n" +
            "  optional string event_id = 1;\n" +
            "  optional string event_type = 2;\n" +
            "  optional int32 event_version = 3 [default = " + version + "];\n" +
            "  optional string occurred_at = 4;\n" +
            "  optional string correlation_id = 5;\n" +
            "  optional Data data = 6;\n" +
            "  message Data {\n" +
            "    " + dataFields + "\n" +
            "  }\n" +
            "}\n";
    }
}

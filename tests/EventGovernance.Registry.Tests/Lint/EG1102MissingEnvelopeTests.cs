using System.Threading.Tasks;
using EventGovernance.Registry.Lint;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests.Lint
{
    public class EG1102MissingEnvelopeTests
    {
        private const string JsonEnvelope =
            "{\"type\": \"object\", \"properties\": {\"event_id\": {\"type\": \"string\"}, \"event_type\": {\"type\": \"string\"}, " +
            "\"event_version\": {\"type\": \"integer\"}, \"occurred_at\": {\"type\": \"string\"}, \"correlation_id\": {\"type\": \"string\"}}}";

        private const string AvroEnvelope =
            "{\"type\": \"record\", \"name\": \"EventEnvelope\", \"namespace\": \"shop.envelope\", \"fields\": [" +
            "{\"name\": \"event_id\", \"type\": \"string\"}, {\"name\": \"event_type\", \"type\": \"string\"}, {\"name\": \"event_version\", \"type\": \"int\"}, " +
            "{\"name\": \"occurred_at\", \"type\": \"long\"}, {\"name\": \"correlation_id\", \"type\": [\"null\", \"string\"], \"default\": null}]}";

        private const string ProtoEnvelope =
            "syntax = \"proto3\";\npackage shop.envelope;\nmessage EventEnvelope {\n  string event_id = 1;\n  string event_type = 2;\n  int32 event_version = 3;\n  string occurred_at = 4;\n  string correlation_id = 5;\n}\n";

        [Fact]
        public async Task Json_without_occurred_at_fires_naming_it()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Contract("order.schema.json", Samples.Json().Replace("occurred_at", "happened"));

            LintFinding finding = Assert.Single(await run.LintAsync("order", LintRules.MissingEnvelope));
            Assert.Contains("no occurred_at", finding.Message);
            Assert.Equal(1, finding.Location!.Line);
        }

        [Fact]
        public async Task Json_with_the_envelope_inline_or_through_a_ref_does_not_fire()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Contract("envelope/envelope.schema.json", JsonEnvelope);
            run.Contract("inline.schema.json", Samples.Json());
            run.Contract("referenced.schema.json",
                "{\"allOf\": [{\"$ref\": \"envelope/envelope.schema.json\"}, {\"type\": \"object\", \"properties\": {\"data\": {\"type\": \"object\"}}}]}");

            Assert.Empty(await run.LintAsync("inline", LintRules.MissingEnvelope));
            Assert.Empty(await run.LintAsync("referenced", LintRules.MissingEnvelope));
            Assert.Empty(await run.LintAsync("envelope", LintRules.MissingEnvelope)); // the envelope's own definition
        }

        [Fact]
        public async Task Json_without_data_fires()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Contract("order.schema.json", Samples.Json().Replace("\"data\"", "\"payload\"").Replace("\"event_id\"", "\"id_of_event\""));

            Assert.Contains("no event_id, data", Assert.Single(await run.LintAsync("order", LintRules.MissingEnvelope)).Message);
        }

        [Fact]
        public async Task Avro_fires_without_the_envelope_and_not_with_it_inline_or_as_a_named_type()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Contract("envelope/shop.envelope.EventEnvelope.avsc", AvroEnvelope);
            run.Contract("inline.avsc", Samples.Avro());
            run.Contract("missing.avsc", Samples.Avro(name: "Missing").Replace("event_version", "revision"));
            run.Contract("named.avsc",
                "{\"type\": \"record\", \"name\": \"Named\", \"namespace\": \"shop.orders\", \"fields\": [" +
                "{\"name\": \"envelope\", \"type\": \"shop.envelope.EventEnvelope\"}, {\"name\": \"data\", \"type\": \"string\"}]}");

            Assert.Empty(await run.LintAsync("inline", LintRules.MissingEnvelope));
            Assert.Empty(await run.LintAsync("named", LintRules.MissingEnvelope));
            Assert.Empty(await run.LintAsync("shop.envelope.EventEnvelope", LintRules.MissingEnvelope));
            Assert.Contains("no event_version", Assert.Single(await run.LintAsync("missing", LintRules.MissingEnvelope)).Message);
        }

        [Fact]
        public async Task Protobuf_fires_without_the_envelope_and_not_with_it_inline_or_imported()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Contract("envelope/event-envelope.proto", ProtoEnvelope);
            run.Contract("inline.proto", Samples.Proto());
            run.Contract("missing.proto", Samples.Proto(name: "Missing").Replace("correlation_id", "trace"));
            run.Contract("imported.proto",
                "syntax = \"proto3\";\npackage shop.orders;\nimport \"envelope/event-envelope.proto\";\nmessage Imported {\n  shop.envelope.EventEnvelope envelope = 1;\n  string data = 2;\n}\n");

            Assert.Empty(await run.LintAsync("inline", LintRules.MissingEnvelope));
            Assert.Empty(await run.LintAsync("imported", LintRules.MissingEnvelope));
            Assert.Empty(await run.LintAsync("event-envelope", LintRules.MissingEnvelope));
            Assert.Contains("no correlation_id", Assert.Single(await run.LintAsync("missing", LintRules.MissingEnvelope)).Message);
        }

        [Fact]
        public async Task Field_names_come_from_the_EG0004_options()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.EditorConfig("", "[*]\neventgov.EG0004.required_fields = event_id, occurred_at\neventgov.EG0004.event_id_names = MessageId\neventgov.EG1102.data_names = payload\n");
            run.Contract("ok.schema.json",
                "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {\"messageId\": {\"type\": \"string\"}, \"occurredAt\": {\"type\": \"string\"}, \"payload\": {\"type\": \"string\"}}}");
            run.Contract("old-names.schema.json",
                "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {\"event_id\": {\"type\": \"string\"}, \"occurred_at\": {\"type\": \"string\"}, \"payload\": {\"type\": \"string\"}}}");

            Assert.Empty(await run.LintAsync("ok", LintRules.MissingEnvelope));
            Assert.Contains("no event_id", Assert.Single(await run.LintAsync("old-names", LintRules.MissingEnvelope)).Message);
        }
    }
}

using System.IO;
using EventGovernance.Cli;

namespace EventGovernance.CodeFirst.Tests;

/// <summary><c>eventgov derive</c> on the built Shop application: output, contract files, exit codes.</summary>
[Collection(ShopProjectCollection.Name)]
public sealed class DeriveCommandTests
{
    private readonly ShopProjectFixture _shop;

    public DeriveCommandTests(ShopProjectFixture shop) => _shop = shop;

    private static (int ExitCode, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Prints_the_registered_text_and_notes_which_NJsonSchema_derived_it()
    {
        var (code, output, errors) = Run("derive", "--assembly", _shop.AssemblyPath, "--type", "Shop.OrderPlaced");

        Assert.Equal(0, code);
        Assert.Equal(_shop.Registered("OrderPlaced.json") + Environment.NewLine, output);
        Assert.Equal("eventgov: note: derived with the application's NJsonSchema.NewtonsoftJson 11.6.1" + Environment.NewLine, errors);
    }

    [Fact]
    public void Out_writes_one_contract_file_per_type_with_the_exact_text()
    {
        string directory = Path.Combine(_shop.WorkDirectory, "contracts-" + Guid.NewGuid().ToString("N")[..8]);

        var (code, _, errors) = Run("derive", "--assembly", _shop.AssemblyPath, "--type", "Shop.OrderPlaced",
            "--type", "Shop.Envelope<Shop.OrderPlaced>", "--out", directory);
        var (avroCode, _, avroErrors) = Run("derive", "--assembly", _shop.AssemblyPath, "--type", "Shop.Avro.StockReserved",
            "--format", "avro", "--out", directory);

        Assert.True(code == 0, errors);
        Assert.True(avroCode == 0, avroErrors);
        Assert.Equal(_shop.Registered("OrderPlaced.json"), File.ReadAllText(Path.Combine(directory, "Shop.OrderPlaced.json")));
        Assert.Equal(_shop.Registered("EnvelopeOfOrderPlaced.json"), File.ReadAllText(Path.Combine(directory, "Shop.Envelope_1_Shop.OrderPlaced_.json")));
        Assert.Equal(_shop.Registered("StockReserved.avsc"), File.ReadAllText(Path.Combine(directory, "Shop.Avro.StockReserved.avsc")));
    }

    [Fact]
    public void Out_with_subjects_names_each_file_after_its_subject_so_the_gate_checks_it_under_that_subject()
    {
        string directory = Path.Combine(_shop.WorkDirectory, "contracts-" + Guid.NewGuid().ToString("N")[..8]);

        var (code, _, errors) = Run("derive", "--assembly", _shop.AssemblyPath, "--type", "Shop.OrderPlaced", "--type", "Shop.Outer.InnerEvent",
            "--subject", "orders-value", "--subject", "inner-value", "--out", directory);
        var (avroCode, _, avroErrors) = Run("derive", "--assembly", _shop.AssemblyPath, "--type", "Shop.Avro.StockReserved",
            "--format", "avro", "--subject", "stock-value", "--out", directory);

        Assert.True(code == 0, errors);
        Assert.True(avroCode == 0, avroErrors);
        string orders = Path.Combine(directory, "orders-value.schema.json");
        Assert.Equal(_shop.Registered("OrderPlaced.json"), File.ReadAllText(orders));
        Assert.True(File.Exists(Path.Combine(directory, "inner-value.schema.json")), string.Join(", ", Directory.GetFiles(directory)));
        Assert.Equal(_shop.Registered("StockReserved.avsc"), File.ReadAllText(Path.Combine(directory, "stock-value.avsc")));
        Assert.Equal("orders-value", EventGovernance.Registry.ContractDiscovery.DefaultSubject(orders));
    }

    [Theory]
    [InlineData("eventgov: give one --subject per --type, in the same order (2 type(s), 1 subject(s))", "--type", "Shop.OrderPlaced", "--type", "Shop.Outer.InnerEvent", "--subject", "orders-value", "--out", "x")]
    [InlineData("eventgov: --subject names the files --out writes; give --out too", "--type", "Shop.OrderPlaced", "--subject", "orders-value")]
    [InlineData("eventgov: type 'Shop.OrderPlacd' not found in Shop.dll; closest: Shop.OrderPlaced", "--type", "Shop.OrderPlacd")]
    [InlineData("eventgov: option '--type' is required (see 'eventgov derive --help')")]
    [InlineData("eventgov: Argument 'xml' not recognized. Must be one of: 'json' 'avro' 'protobuf' (see 'eventgov derive --help')", "--type", "Shop.OrderPlaced", "--format", "xml")]
    [InlineData("eventgov: --settings applies only to --format json", "--type", "Shop.Avro.StockReserved", "--format", "avro", "--settings", "Shop.SerializerSettings.CamelCaseStringEnums")]
    [InlineData("eventgov: --out is not supported for protobuf", "--type", "Shop.OrderPlaced", "--format", "protobuf", "--out", "x")]
    public void Bad_input_exits_2_with_one_line(string expected, params string[] args)
    {
        var (code, output, errors) = Run(new[] { "derive", "--assembly", _shop.AssemblyPath }.Concat(args).ToArray());

        Assert.Equal(2, code);
        Assert.Equal("", output);
        string line = Assert.Single(errors.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_or_unloadable_assembly_exits_2_with_one_line()
    {
        string notAssembly = Path.Combine(_shop.WorkDirectory, "notes.dll");
        File.WriteAllText(notAssembly, "not an assembly");
        string missing = Path.Combine(_shop.WorkDirectory, "missing", "Shop.dll");

        var (code, _, errors) = Run("derive", "--assembly", notAssembly, "--type", "Shop.OrderPlaced");
        var (missingCode, _, missingErrors) = Run("derive", "--assembly", missing, "--type", "Shop.OrderPlaced");

        Assert.Equal((2, $"eventgov: cannot load {notAssembly}: not a .NET assembly{Environment.NewLine}"), (code, errors));
        Assert.Equal((2, $"eventgov: assembly not found: {missing}{Environment.NewLine}"), (missingCode, missingErrors));
    }
}

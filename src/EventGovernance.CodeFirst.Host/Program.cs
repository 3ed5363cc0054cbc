using System.Text.Json;
using EventGovernance.CodeFirst;
using EventGovernance.CodeFirst.Host;

// eventgov's build-time deriver: `dotnet exec EventGovernance.CodeFirst.Host.dll <request.json> <response.json>`.
// Every problem with the input is written into the response, one line per type; the exit code is 0 whenever a
// response was written, so the build reports problems in its own words and never as a stack trace.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: EventGovernance.CodeFirst.Host <request.json> <response.json>");
    return 2;
}

var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
DeriveRequest request;
try
{
    request = JsonSerializer.Deserialize<DeriveRequest>(File.ReadAllText(args[0]), json)
        ?? throw new JsonException("the request is empty");
}
catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"cannot read the request {args[0]}: {e.Message}");
    return 2;
}

DeriveResponse response;
try
{
    response = Derivation.Run(request);
}
catch (Exception e)
{
    // A defect, not bad input: still one line, on every type.
    string error = $"the derivation failed unexpectedly: {e.GetType().Name}: {e.Message}".ReplaceLineEndings(" ");
    response = new DeriveResponse(Array.Empty<string>(),
        request.Types.Select(t => new DerivedType(t.Type, null, error, null, new Dictionary<string, TypeSource>())).ToList());
}
File.WriteAllText(args[1], JsonSerializer.Serialize(response, json));
return 0;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EventGovernance.Analyzers.Tests;

/// <summary>
/// EG0002 follows a type's private members only where one could hold a consumer configuration. Every other
/// type (most of a codebase) is skipped when its analysis starts, so the rule adds no callback on its field
/// and property references; this is what keeps the rule cheap. The diagnostics themselves are covered by
/// <see cref="KafkaAutoCommitTests"/>.
/// </summary>
public class KafkaAutoCommitScopeTests
{
    private const string Source = """
        using System.Collections.Generic;
        using Confluent.Kafka;

        public sealed class Clock { private readonly object _gate = new(); private int _ticks; public int Next() => ++_ticks; }
        public sealed class Repository { private readonly List<string> _rows = new(); private string Name { get; } = ""; public string First() => _rows[0]; }
        public sealed class HoldsConfig { private readonly ConsumerConfig _config = new(); }
        public sealed class HoldsPairs { private IEnumerable<KeyValuePair<string, string>> Settings { get; } = new Dictionary<string, string>(); }
        public sealed class Factory { public ConsumerConfig Create() => new ConsumerConfig(); }
        public sealed class GenericHolder<T> { private T _value = default!; }
        public sealed class PublicOnly { public ConsumerConfig Config = new(); }
        """;

    [Theory]
    [InlineData("Clock", false)]
    [InlineData("Repository", false)]
    [InlineData("PublicOnly", false)]
    [InlineData("HoldsConfig", true)]
    [InlineData("HoldsPairs", true)]
    [InlineData("Factory", true)]
    [InlineData("GenericHolder`1", true)]
    public async Task Only_types_that_can_hold_a_configuration_are_followed(string typeName, bool followed)
    {
        var references = await Brokers.Kafka.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Scope",
            new[] { CSharpSyntaxTree.ParseText(Source) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        INamedTypeSymbol type = compilation.GetTypeByMetadataName(typeName)!;
        Assert.Equal(followed, ConfigMemberTracker.CanFindAnything(type, KnownTypes.For(compilation)));
    }
}

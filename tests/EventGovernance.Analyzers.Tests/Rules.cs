using System.Collections.Immutable;
using System.Reflection;
using EventGovernance.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EventGovernance.Analyzers.Tests;

/// <summary>One rule as the package ships it: its analyzer, descriptor, library and whether a code fix exists.</summary>
public sealed record Rule(BrokerAnalyzer Analyzer, DiagnosticDescriptor Descriptor, bool HasCodeFix)
{
    public string Id => Descriptor.Id;

    public BrokerLibrary Library => Analyzer.RequiredLibrary;
}

/// <summary>
/// Every rule, found by reflection over the analyzer and code-fix assemblies, so that a new rule is
/// picked up by the descriptor, table, half-typed-code and release-tracking tests without touching them.
/// </summary>
public static class Rules
{
    private static readonly Lazy<IReadOnlyList<Rule>> LazyAll = new(Discover);

    public static IReadOnlyList<Rule> All => LazyAll.Value;

    /// <summary>Every type marked [DiagnosticAnalyzer] in the analyzer assembly, whether or not it derives from the base.</summary>
    public static IReadOnlyList<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(RuleIds).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();

    /// <summary>The rule ids declared as constants on <see cref="RuleIds"/>.</summary>
    public static IReadOnlyList<string> DeclaredIds() =>
        typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetValue(null)!)
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToList();

    /// <summary>How the docs name a library.</summary>
    public static string DisplayName(BrokerLibrary library) => library switch
    {
        BrokerLibrary.None => "any project",
        BrokerLibrary.Kafka => "Confluent.Kafka 2.x",
        BrokerLibrary.RabbitMq => "RabbitMQ.Client 6.x / 7.x",
        BrokerLibrary.Kafka | BrokerLibrary.RabbitMq => "Confluent.Kafka 2.x or RabbitMQ.Client",
        BrokerLibrary.ServiceBus => "Azure.Messaging.ServiceBus 7.x",
        _ => throw new ArgumentOutOfRangeException(nameof(library), library, "add its display name here"),
    };

    private static IReadOnlyList<Rule> Discover()
    {
        ImmutableHashSet<string> fixable = typeof(EventContractEnvelopeCodeFixProvider).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<ExportCodeFixProviderAttribute>() != null)
            .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToImmutableHashSet(StringComparer.Ordinal);
        return AllAnalyzers()
            .OfType<BrokerAnalyzer>()
            .SelectMany(a => a.SupportedDiagnostics.Select(d => new Rule(a, d, fixable.Contains(d.Id))))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }
}

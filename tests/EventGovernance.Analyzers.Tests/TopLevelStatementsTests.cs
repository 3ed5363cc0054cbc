using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace EventGovernance.Analyzers.Tests;

/// <summary>
/// EG0007 and EG0010 judge a whole type from the operation that starts the judgement (a channel created, a
/// consumer started), reading the type's other operations on demand (<see cref="TypeOperations"/>), and still
/// see top-level statements, which are the program type's only "member". That no rule registers a symbol-start
/// action is <see cref="RegisteredActionsTests"/>.
/// </summary>
public class TopLevelStatementsTests
{
    [Fact]
    public async Task EG0007SeesTopLevelStatementsAsThePartOfTheProgramTypeTheyAre()
    {
        string statements = """
            using System;
            using RabbitMQ.Client;

            var connection = new ConnectionFactory().CreateConnection();
            using var model = {|EG0007:connection.CreateModel()|};
            model.BasicPublish("orders", "created", null, ReadOnlyMemory<byte>.Empty);
            using var confirmed = connection.CreateModel();
            confirmed.ConfirmSelect();
            confirmed.BasicPublish("orders", "created", null, ReadOnlyMemory<byte>.Empty);
            s_fromStatements = {|EG0007:connection.CreateModel()|};
            Start(connection);
            s_fromMember.BasicPublish("orders", "created", null, ReadOnlyMemory<byte>.Empty);
            Publish();
            """;
        string members = """
            using System;
            using RabbitMQ.Client;

            partial class Program
            {
                private static IModel s_fromStatements = null!;
                private static IModel s_fromMember = null!;

                static void Start(IConnection connection) => s_fromMember = {|EG0007:connection.CreateModel()|};

                static void Publish() => s_fromStatements.BasicPublish("orders", "created", null, ReadOnlyMemory<byte>.Empty);
            }
            """;
        await ProgramAsync<PublishWithoutConfirmsAnalyzer>(Brokers.RabbitMq6, statements, members);
    }

    [Fact]
    public async Task EG0010SeesAQosCallInTopLevelStatements()
    {
        string statements = """
            using RabbitMQ.Client;
            using RabbitMQ.Client.Events;

            var connection = new ConnectionFactory().CreateConnection();
            using var channel = connection.CreateModel();
            channel.BasicQos(0, 20, false);
            channel.BasicConsume("orders", false, new EventingBasicConsumer(channel));
            Listen(channel);
            """;
        string members = """
            using RabbitMQ.Client;
            using RabbitMQ.Client.Events;

            partial class Program
            {
                static void Listen(IModel channel) => channel.BasicConsume("audit", false, new EventingBasicConsumer(channel));
            }
            """;
        await ProgramAsync<UnboundedPrefetchAnalyzer>(Brokers.RabbitMq6, statements, members);
    }

    [Fact]
    public async Task EG0010FlagsTopLevelConsumersOfAProgramWithoutQos()
    {
        string statements = """
            using RabbitMQ.Client;
            using RabbitMQ.Client.Events;

            var connection = new ConnectionFactory().CreateConnection();
            using var channel = connection.CreateModel();
            {|#0:channel.BasicConsume("orders", false, new EventingBasicConsumer(channel))|};
            """;
        await ProgramAsync<UnboundedPrefetchAnalyzer>(Brokers.RabbitMq6, new[] { statements },
            new DiagnosticResult(Descriptors.UnboundedPrefetch).WithLocation(0).WithArguments("BasicConsume", "no BasicQos call in 'Program'"));
    }

    /// <summary>Runs one analyzer over an executable (top-level statements need one) whose expected diagnostics are marked inline.</summary>
    private static Task ProgramAsync<TAnalyzer>(ReferenceAssemblies references, params string[] sources)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        ProgramAsync<TAnalyzer>(references, sources, Array.Empty<DiagnosticResult>());

    private static async Task ProgramAsync<TAnalyzer>(ReferenceAssemblies references, string[] sources, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = references };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        for (int i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Program{i}.cs", sources[i]));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}

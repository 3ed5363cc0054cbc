using Microsoft.CodeAnalysis.Testing;
using VerifyEG0015 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.HeartbeatDisabledAnalyzer>;
using VerifyEG0015Fix = EventGovernance.Analyzers.Tests.VerifyFix<EventGovernance.Analyzers.HeartbeatDisabledAnalyzer, EventGovernance.Analyzers.CodeFixes.HeartbeatDisabledCodeFixProvider>;

namespace EventGovernance.Analyzers.Tests;

public class HeartbeatDisabledTests
{
    [Theory]
    [InlineData(Brokers.RabbitMq6Version)]
    [InlineData(Brokers.RabbitMq7Version)]
    public async Task ZeroHeartbeatIsFlaggedInEveryForm(string version)
    {
        await VerifyEG0015.AnalyzerAsync("""
            using System;
            using RabbitMQ.Client;

            class Connections
            {
                ConnectionFactory Create(IConnectionFactory shared)
                {
                    var factory = new ConnectionFactory { HostName = "rabbit", {|EG0015:RequestedHeartbeat = TimeSpan.Zero|} };
                    {|EG0015:factory.RequestedHeartbeat = default|};
                    {|EG0015:factory.RequestedHeartbeat = new TimeSpan(0)|};
                    {|EG0015:factory.RequestedHeartbeat = TimeSpan.FromSeconds(0)|};
                    {|EG0015:shared.RequestedHeartbeat = TimeSpan.FromMilliseconds(0.0)|};
                    var none = TimeSpan.Zero;
                    {|EG0015:factory.RequestedHeartbeat = none|};
                    return factory;
                }
            }
            """, version == Brokers.RabbitMq6Version ? Brokers.RabbitMq6 : Brokers.RabbitMq7);
    }

    [Fact]
    public async Task NonZeroOrUnknownHeartbeatsAreNotFlagged()
    {
        await VerifyEG0015.AnalyzerAsync("""
            using System;
            using RabbitMQ.Client;

            class Connections
            {
                private static readonly TimeSpan Configured = TimeSpan.Zero;

                ConnectionFactory Create(TimeSpan heartbeat, int seconds)
                {
                    var factory = new ConnectionFactory { RequestedHeartbeat = TimeSpan.FromSeconds(30) };
                    factory.RequestedHeartbeat = heartbeat;
                    factory.RequestedHeartbeat = TimeSpan.FromSeconds(seconds);
                    factory.RequestedHeartbeat = Configured;
                    factory.RequestedConnectionTimeout = TimeSpan.Zero;
                    var changing = TimeSpan.Zero;
                    changing = heartbeat;
                    factory.RequestedHeartbeat = changing;
                    return factory;
                }
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task MessageNamesTheFactory()
    {
        await VerifyEG0015.AnalyzerAsync("""
            using System;
            using RabbitMQ.Client;

            class Connections
            {
                ConnectionFactory Create() => new ConnectionFactory { RequestedHeartbeat = TimeSpan.Zero };
            }
            """, Brokers.RabbitMq7,
            VerifyEG0015.Diagnostic(Descriptors.HeartbeatDisabled).WithSpan(6, 59, 6, 93).WithArguments("ConnectionFactory"));
    }

    [Fact]
    public async Task NothingIsReportedWithoutRabbitMq()
    {
        await VerifyEG0015.AnalyzerAsync("""
            using System;

            class ConnectionFactory { public TimeSpan RequestedHeartbeat { get; set; } }

            class Connections
            {
                ConnectionFactory Create() => new ConnectionFactory { RequestedHeartbeat = TimeSpan.Zero };
            }
            """, Brokers.None);
    }

    [Fact]
    public async Task FixRemovesTheZeroHeartbeatIncludingFixAll()
    {
        await VerifyEG0015Fix.CodeFixAsync("""
            using System;
            using RabbitMQ.Client;

            class Connections
            {
                ConnectionFactory Create()
                {
                    var factory = new ConnectionFactory { HostName = "rabbit", {|EG0015:RequestedHeartbeat = TimeSpan.Zero|} };
                    var other = new ConnectionFactory
                    {
                        {|EG0015:RequestedHeartbeat = TimeSpan.Zero|},
                        HostName = "other",
                    };
                    {|EG0015:factory.RequestedHeartbeat = default|};
                    return other;
                }
            }
            """, """
            using System;
            using RabbitMQ.Client;

            class Connections
            {
                ConnectionFactory Create()
                {
                    var factory = new ConnectionFactory { HostName = "rabbit" };
                    var other = new ConnectionFactory
                    {
                        HostName = "other",
                    };
                    return other;
                }
            }
            """, Brokers.RabbitMq7, compilerDiagnostics: CompilerDiagnostics.Warnings);
    }
}

using VerifyEG0012 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.QueueWithoutDeadLetterOrBoundAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

public class QueueWithoutDeadLetterOrBoundTests
{
    [Fact]
    public async Task DurableQueuesWithoutDeadLetterOrBoundAreFlaggedIn7x()
    {
        await VerifyEG0012.AnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Topology
            {
                async Task DeclareAsync(IChannel channel)
                {
                    await {|EG0012:channel.QueueDeclareAsync("orders", durable: true, exclusive: false, autoDelete: false)|};
                    await {|EG0012:channel.QueueDeclareAsync("billing", true, false, false, null)|};
                    await {|EG0012:channel.QueueDeclareAsync("audit", true, false, false, new Dictionary<string, object?> { ["x-queue-type"] = "quorum" })|};
                    var arguments = new Dictionary<string, object?> { { "x-dead-letter-exchange", "dlx" } };
                    await {|EG0012:channel.QueueDeclareAsync("reports", true, false, false, arguments)|};
                    var bounded = new Dictionary<string, object?>();
                    bounded["x-max-length"] = 10_000;
                    await {|EG0012:channel.QueueDeclareAsync("mail", true, false, false, bounded)|};
                    var cleared = new Dictionary<string, object?> { ["x-dead-letter-exchange"] = null, ["x-max-length"] = 5 };
                    await {|EG0012:channel.QueueDeclareAsync("sms", true, false, false, cleared)|};
                }
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task DurableQueuesWithoutDeadLetterOrBoundAreFlaggedIn6x()
    {
        await VerifyEG0012.AnalyzerAsync("""
            using System.Collections.Generic;
            using RabbitMQ.Client;

            class Topology
            {
                void Declare(IModel channel)
                {
                    {|EG0012:channel.QueueDeclare("orders", true, false, false, null)|};
                    {|EG0012:channel.QueueDeclare(queue: "billing", durable: true, exclusive: false, autoDelete: false)|};
                    {|EG0012:channel.QueueDeclareNoWait("audit", true, false, false, new Dictionary<string, object> { { "x-max-length-bytes", 1_000_000 } })|};
                }
            }
            """, Brokers.RabbitMq6);
    }

    [Fact]
    public async Task ArgumentsInAPrivateFieldAreFollowedThroughTheType()
    {
        await VerifyEG0012.AnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Topology
            {
                private static readonly Dictionary<string, object?> Complete = new() { ["x-dead-letter-exchange"] = "dlx", ["x-max-length"] = 1000 };
                private readonly Dictionary<string, object?> _partial;
                private readonly IDictionary<string, object?> _filledLater = new Dictionary<string, object?>();
                private readonly Dictionary<string, object?> _fromOutside;

                Topology(Dictionary<string, object?> fromOutside, bool dead)
                {
                    _partial = new Dictionary<string, object?> { ["x-max-length"] = 1000 };
                    _fromOutside = fromOutside;
                    if (dead) { _filledLater.Add("x-dead-letter-exchange", "dlx"); }
                }

                void Bound() => _filledLater["x-max-length-bytes"] = 1_000_000;

                async Task DeclareAsync(IChannel channel)
                {
                    await channel.QueueDeclareAsync("complete", true, false, false, Complete);
                    await {|EG0012:channel.QueueDeclareAsync("partial", true, false, false, _partial)|};
                    await channel.QueueDeclareAsync("later", true, false, false, _filledLater);
                    await channel.QueueDeclareAsync("outside", true, false, false, _fromOutside);
                }
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task MessageNamesWhatIsMissing()
    {
        await VerifyEG0012.AnalyzerAsync("""
            using System.Collections.Generic;
            using RabbitMQ.Client;

            class Topology
            {
                void Declare(IModel channel)
                {
                    channel.QueueDeclare("orders", true, false, false, null);
                    channel.QueueDeclare("billing", true, false, false, new Dictionary<string, object> { ["x-max-length"] = 10 });
                }
            }
            """, Brokers.RabbitMq6,
            VerifyEG0012.Diagnostic(Descriptors.QueueWithoutDeadLetterOrBound).WithSpan(8, 9, 8, 65).WithArguments(
                "QueueDeclare",
                "no dead-letter exchange (x-dead-letter-exchange), so rejected and expired messages are dropped, and no length bound (x-max-length or x-max-length-bytes), so a stalled consumer lets it grow until the broker blocks publishers"),
            VerifyEG0012.Diagnostic(Descriptors.QueueWithoutDeadLetterOrBound).WithSpan(9, 9, 9, 118).WithArguments(
                "QueueDeclare",
                "no dead-letter exchange (x-dead-letter-exchange), so rejected and expired messages are dropped"));
    }

    [Fact]
    public async Task CompleteTransientOrUnknownDeclarationsAreNotFlagged()
    {
        await VerifyEG0012.AnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Topology
            {
                public Dictionary<string, object?> Shared = new();

                async Task DeclareAsync(IChannel channel, bool durable, IDictionary<string, object?> configured, string key)
                {
                    await channel.QueueDeclareAsync("both", true, false, false, new Dictionary<string, object?> { ["x-dead-letter-exchange"] = "dlx", ["x-max-length-bytes"] = 1 << 20 });
                    var added = new Dictionary<string, object?>();
                    added.Add("x-dead-letter-exchange", "");
                    added.TryAdd("x-max-length", 100);
                    await channel.QueueDeclareAsync("added", true, false, false, added);

                    await channel.QueueDeclareAsync("transient", durable: false, exclusive: false, autoDelete: true);
                    await channel.QueueDeclareAsync();
                    await channel.QueueDeclareAsync("exclusive", true, true, false);
                    await channel.QueueDeclareAsync("passive", true, false, false, null, passive: true);
                    await channel.QueueDeclareAsync("maybe", durable, false, false);

                    await channel.QueueDeclareAsync("configured", true, false, false, configured);
                    await channel.QueueDeclareAsync("copy", true, false, false, new Dictionary<string, object?>(configured));
                    await channel.QueueDeclareAsync("public", true, false, false, Shared);
                    var keyed = new Dictionary<string, object?> { [key] = "dlx" };
                    await channel.QueueDeclareAsync("keyed", true, false, false, keyed);
                    var handed = new Dictionary<string, object?>();
                    Fill(handed);
                    await channel.QueueDeclareAsync("handed", true, false, false, handed);
                    var removed = new Dictionary<string, object?> { ["x-dead-letter-exchange"] = "dlx", ["x-max-length"] = 1 };
                    removed.Remove("x-max-length");
                    await channel.QueueDeclareAsync("removed", true, false, false, removed);
                    var reassigned = new Dictionary<string, object?>();
                    reassigned = new Dictionary<string, object?>(configured);
                    await channel.QueueDeclareAsync("reassigned", true, false, false, reassigned);
                }

                static void Fill(IDictionary<string, object?> arguments) => arguments["x-dead-letter-exchange"] = "dlx";
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task AFieldChangedInANestedTypeIsNotKnown()
    {
        await VerifyEG0012.AnalyzerAsync("""
            using System.Collections.Generic;
            using RabbitMQ.Client;

            class Topology
            {
                private static readonly Dictionary<string, object> Arguments = new();

                void Declare(IModel channel) => channel.QueueDeclare("orders", true, false, false, Arguments);

                class Setup { void Run() => Arguments["x-dead-letter-exchange"] = "dlx"; }
            }
            """, Brokers.RabbitMq6);
    }

    [Fact]
    public async Task AFieldOfAPartialTypeIsFollowedThroughEveryFile()
    {
        await VerifyEG0012.AnalyzerAsync(
            new[]
            {
                """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using RabbitMQ.Client;

                partial class Topology
                {
                    private readonly Dictionary<string, object?> _completedElsewhere = new() { ["x-max-length"] = 1000 };

                    async Task DeclareAsync(IChannel channel)
                    {
                        await channel.QueueDeclareAsync("completed", true, false, false, _completedElsewhere);
                        await channel.QueueDeclareAsync("bounded", true, false, false, _declaredElsewhere);
                        await {|EG0012:channel.QueueDeclareAsync("dead", true, false, false, _deadLetterOnly)|};
                        await channel.QueueDeclareAsync("handed", true, false, false, _handedElsewhere);
                    }
                }
                """,
                """
                using System.Collections.Generic;
                using RabbitMQ.Client;

                partial class Topology
                {
                    private readonly Dictionary<string, object?> _declaredElsewhere = new() { ["x-dead-letter-exchange"] = "dlx", ["x-max-length-bytes"] = 1 << 20 };
                    private readonly Dictionary<string, object?> _deadLetterOnly = new() { ["x-dead-letter-exchange"] = "dlx" };
                    private readonly Dictionary<string, object?> _handedElsewhere = new();

                    Topology()
                    {
                        _completedElsewhere["x-dead-letter-exchange"] = "dlx";
                        Fill(_handedElsewhere);
                    }

                    static void Fill(IDictionary<string, object?> arguments) { }
                }
                """,
            },
            Brokers.RabbitMq7,
            editorConfig: null);
    }

    [Fact]
    public async Task ANestedTypeAndItsContainerAreJudgedOnTheirOwnMembers()
    {
        await VerifyEG0012.AnalyzerAsync("""
            using System.Collections.Generic;
            using RabbitMQ.Client;

            class Topology
            {
                private readonly Dictionary<string, object> _outer = new() { ["x-dead-letter-exchange"] = "dlx" };
                private static readonly Dictionary<string, object> DeadLetterOnly = new() { ["x-dead-letter-exchange"] = "dlx" };

                Topology() => _outer["x-max-length"] = 10;

                void Declare(IModel channel) => channel.QueueDeclare("outer", true, false, false, _outer);

                class Retry
                {
                    private readonly Dictionary<string, object> _inner = new() { ["x-dead-letter-exchange"] = "dlx" };

                    void Declare(IModel channel) => {|EG0012:channel.QueueDeclare("retry", true, false, false, _inner)|};

                    void Bound(IModel channel) => channel.QueueDeclare("bound", true, false, false, _bound);

                    // A field of the container used in a nested type is not known (EG0012.md).
                    void Outer(IModel channel) => channel.QueueDeclare("outer-retry", true, false, false, DeadLetterOnly);

                    private readonly Dictionary<string, object> _bound = new() { ["x-dead-letter-exchange"] = "dlx", ["x-max-length"] = 5 };
                }
            }
            """, Brokers.RabbitMq6);
    }

    [Fact]
    public async Task EveryDeclarationOfAFieldIsReportedOnce()
    {
        await VerifyEG0012.AnalyzerAsync("""
            using System.Collections.Generic;
            using RabbitMQ.Client;

            class Topology
            {
                private static readonly Dictionary<string, object> Bounded = new() { ["x-max-length"] = 10 };
                private readonly Dictionary<string, object> _empty = new();

                void Declare(IModel channel)
                {
                    {|EG0012:channel.QueueDeclare("orders", true, false, false, Bounded)|};
                    {|EG0012:channel.QueueDeclare("billing", true, false, false, Bounded)|};
                    {|EG0012:channel.QueueDeclare("audit", true, false, false, _empty)|};
                }

                void Again(IModel channel) => {|EG0012:channel.QueueDeclare("orders", true, false, false, Bounded)|};
            }
            """, Brokers.RabbitMq6);
    }

    [Fact]
    public async Task NothingIsReportedWithoutRabbitMq()
    {
        await VerifyEG0012.AnalyzerAsync("""
            using System.Collections.Generic;

            interface IModel { void QueueDeclare(string queue, bool durable, bool exclusive, bool autoDelete, IDictionary<string, object> arguments); }

            class Topology
            {
                void Declare(IModel channel) => channel.QueueDeclare("orders", true, false, false, null!);
            }
            """, Brokers.None);
    }
}

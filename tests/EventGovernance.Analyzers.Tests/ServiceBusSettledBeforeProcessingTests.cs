using VerifyEG0018 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.ServiceBusSettledBeforeProcessingAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

public class ServiceBusSettledBeforeProcessingTests
{
    [Fact]
    public async Task ReceiveAndDeleteIsFlaggedOnEveryOptionsType()
    {
        await VerifyEG0018.AnalyzerAsync("""
            using Azure.Messaging.ServiceBus;

            class Receivers
            {
                void Create(ServiceBusClient client)
                {
                    var receiver = client.CreateReceiver("orders", new ServiceBusReceiverOptions { {|EG0018:ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete|} });
                    var options = new ServiceBusProcessorOptions();
                    {|EG0018:options.ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete|};
                    var sessions = new ServiceBusSessionProcessorOptions { {|EG0018:ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete|} };
                    var sessionReceiver = new ServiceBusSessionReceiverOptions { {|EG0018:ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete|} };
                    var peek = new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.PeekLock };
                }

                ServiceBusReceiverOptions Configured(ServiceBusReceiveMode mode) => new ServiceBusReceiverOptions { ReceiveMode = mode };
            }
            """, Brokers.ServiceBus);
    }

    [Fact]
    public async Task AHandlerThatSwallowsEveryExceptionIsFlaggedWhenAutoCompleteIsOn()
    {
        await VerifyEG0018.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using Azure.Messaging.ServiceBus;

            class Worker
            {
                private ServiceBusProcessor? _processor;

                void Start(ServiceBusClient client)
                {
                    var processor = client.CreateProcessor("orders");
                    {|EG0018:processor.ProcessMessageAsync += async args =>
                    {
                        try { await HandleAsync(args.Message); }
                        catch (Exception e) { Console.WriteLine(e); }
                    }|};
                    processor.ProcessErrorAsync += _ => Task.CompletedTask;

                    _processor = client.CreateProcessor("billing", new ServiceBusProcessorOptions { MaxConcurrentCalls = 4 });
                    {|EG0018:_processor.ProcessMessageAsync += OnMessageAsync|};

                    var options = new ServiceBusProcessorOptions { AutoCompleteMessages = true };
                    var explicitOn = client.CreateProcessor("audit", "all", options);
                    {|EG0018:explicitOn.ProcessMessageAsync += Local|};

                    async Task Local(ProcessMessageEventArgs args)
                    {
                        try { await HandleAsync(args.Message); }
                        catch { }
                    }
                }

                private async Task OnMessageAsync(ProcessMessageEventArgs args)
                {
                    try
                    {
                        await HandleAsync(args.Message);
                    }
                    catch (InvalidOperationException)
                    {
                        throw;
                    }
                    catch (Exception)
                    {
                        Console.WriteLine("failed");
                    }
                }

                static Task HandleAsync(ServiceBusReceivedMessage message) => Task.CompletedTask;
            }
            """, Brokers.ServiceBus);
    }

    [Fact]
    public async Task HandlersThatFailOrSettleAndProcessorsThatDoNotAutoCompleteAreNotFlagged()
    {
        await VerifyEG0018.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using Azure.Messaging.ServiceBus;

            class Worker
            {
                void Start(ServiceBusClient client, ServiceBusProcessor injected, ServiceBusProcessorOptions configured)
                {
                    // Throwing is safe: the processor abandons the message and it is redelivered.
                    var throwing = client.CreateProcessor("orders");
                    throwing.ProcessMessageAsync += args => HandleAsync(args.Message);
                    throwing.ProcessMessageAsync += async args => { await HandleAsync(args.Message); };

                    var rethrowing = client.CreateProcessor("billing");
                    rethrowing.ProcessMessageAsync += async args =>
                    {
                        try { await HandleAsync(args.Message); }
                        catch (Exception) { Console.WriteLine("failed"); throw; }
                    };

                    var settling = client.CreateProcessor("audit");
                    settling.ProcessMessageAsync += async args =>
                    {
                        try { await HandleAsync(args.Message); }
                        catch (Exception e) { await args.DeadLetterMessageAsync(args.Message, "failed", e.Message); }
                    };

                    var filtered = client.CreateProcessor("mail");
                    filtered.ProcessMessageAsync += async args =>
                    {
                        try { await HandleAsync(args.Message); }
                        catch (Exception e) when (e is TimeoutException) { }
                        catch (InvalidOperationException) { }
                    };

                    var partial = client.CreateProcessor("sms");
                    partial.ProcessMessageAsync += async args =>
                    {
                        try { Console.WriteLine("received"); } catch { }
                        await HandleAsync(args.Message);
                    };

                    var manual = client.CreateProcessor("push", new ServiceBusProcessorOptions { AutoCompleteMessages = false });
                    manual.ProcessMessageAsync += Swallow;
                    var options = new ServiceBusProcessorOptions();
                    options.AutoCompleteMessages = false;
                    var manualLocal = client.CreateProcessor("fax", options);
                    manualLocal.ProcessMessageAsync += Swallow;

                    var aliased = new ServiceBusProcessorOptions();
                    var alias = aliased;
                    alias.AutoCompleteMessages = false;
                    var manualAlias = client.CreateProcessor("post", aliased);
                    manualAlias.ProcessMessageAsync += Swallow;

                    injected.ProcessMessageAsync += Swallow;
                    var unknown = client.CreateProcessor("telex", configured);
                    unknown.ProcessMessageAsync += Swallow;
                    injected.ProcessMessageAsync -= Swallow;
                }

                private static async Task Swallow(ProcessMessageEventArgs args)
                {
                    try { await HandleAsync(args.Message); }
                    catch { }
                }

                static Task HandleAsync(ServiceBusReceivedMessage message) => Task.CompletedTask;
            }
            """, Brokers.ServiceBus);
    }

    [Fact]
    public async Task MessageSaysWhatIsLost()
    {
        await VerifyEG0018.AnalyzerAsync("""
            using Azure.Messaging.ServiceBus;

            class Receivers
            {
                ServiceBusReceiverOptions Options() => new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete };
            }
            """, Brokers.ServiceBus,
            VerifyEG0018.Diagnostic(Descriptors.ServiceBusSettledBeforeProcessing).WithSpan(5, 76, 5, 128).WithArguments(
                "'ServiceBusReceiverOptions.ReceiveMode' is ReceiveAndDelete: each message is deleted as it is received, so a message whose processing fails is gone",
                "use PeekLock (the default) and settle the message after processing"));
    }

    [Fact]
    public async Task ExplicitAutoCompleteWithAHandlerThatCanThrowIsFlagged()
    {
        await VerifyEG0018.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using Azure.Messaging.ServiceBus;

            class Worker
            {
                private readonly ServiceBusProcessor _processor;
                private readonly ServiceBusProcessorOptions _autoComplete = new ServiceBusProcessorOptions { AutoCompleteMessages = true };

                public Worker(ServiceBusClient client)
                {
                    _processor = client.CreateProcessor("orders", new ServiceBusProcessorOptions { AutoCompleteMessages = true, MaxConcurrentCalls = 4 });
                }

                private ServiceBusProcessorOptions AutoCompleting() => new ServiceBusProcessorOptions { AutoCompleteMessages = true };

                private ServiceBusProcessorOptions Built()
                {
                    var options = new ServiceBusProcessorOptions();
                    options.AutoCompleteMessages = true;
                    return options;
                }

                void Start(ServiceBusClient client)
                {
                    {|EG0018:_processor.ProcessMessageAsync += args => HandleAsync(args.Message)|};

                    var options = new ServiceBusProcessorOptions { AutoCompleteMessages = true };
                    var fromLocal = client.CreateProcessor("billing", options);
                    {|EG0018:fromLocal.ProcessMessageAsync += OnMessageAsync|};

                    var fromField = client.CreateProcessor("audit", _autoComplete);
                    {|EG0018:fromField.ProcessMessageAsync += Local|};

                    var fromFactory = client.CreateProcessor("mail", AutoCompleting());
                    {|EG0018:fromFactory.ProcessMessageAsync += async args =>
                    {
                        try { await HandleAsync(args.Message); }
                        catch (Exception e) { Console.WriteLine(e); throw; }
                    }|};

                    var built = client.CreateProcessor("sms", Built());
                    {|EG0018:built.ProcessMessageAsync += async args =>
                    {
                        Console.WriteLine("received");
                        try { await HandleAsync(args.Message); }
                        catch (Exception) { await args.AbandonMessageAsync(args.Message); }
                    }|};

                    async Task Local(ProcessMessageEventArgs args)
                    {
                        await HandleAsync(args.Message);
                    }
                }

                private async Task OnMessageAsync(ProcessMessageEventArgs args)
                {
                    if (args.Message.Body is null)
                    {
                        throw new InvalidOperationException("empty");
                    }

                    await HandleAsync(args.Message);
                }

                static Task HandleAsync(ServiceBusReceivedMessage message) => Task.CompletedTask;
            }
            """, Brokers.ServiceBus);
    }

    [Fact]
    public async Task ManualSettlingDefaultOptionsAndHandlersThatCannotThrowAreNotFlaggedForAutoComplete()
    {
        await VerifyEG0018.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using Azure.Messaging.ServiceBus;

            class Worker
            {
                private readonly ServiceBusProcessorOptions _manual = new ServiceBusProcessorOptions { AutoCompleteMessages = false };
                private ServiceBusProcessorOptions _changed = new ServiceBusProcessorOptions { AutoCompleteMessages = true };
                public ServiceBusProcessorOptions Shared = new ServiceBusProcessorOptions { AutoCompleteMessages = true };

                public void Configure(bool auto) => _changed.AutoCompleteMessages = auto;

                private ServiceBusProcessorOptions Manual() => new ServiceBusProcessorOptions { AutoCompleteMessages = false };
                protected virtual ServiceBusProcessorOptions Overridable() => new ServiceBusProcessorOptions { AutoCompleteMessages = true };

                void Start(ServiceBusClient client, bool auto)
                {
                    var manual = client.CreateProcessor("orders", new ServiceBusProcessorOptions { AutoCompleteMessages = false });
                    manual.ProcessMessageAsync += async args =>
                    {
                        try
                        {
                            await HandleAsync(args.Message);
                            await args.CompleteMessageAsync(args.Message);
                        }
                        catch (Exception e)
                        {
                            await args.DeadLetterMessageAsync(args.Message, "failed", e.Message);
                        }
                    };
                    client.CreateProcessor("billing", _manual).ProcessMessageAsync += args => HandleAsync(args.Message);
                    var fromField = client.CreateProcessor("billing", _manual);
                    fromField.ProcessMessageAsync += args => HandleAsync(args.Message);
                    var fromFactory = client.CreateProcessor("audit", Manual());
                    fromFactory.ProcessMessageAsync += args => HandleAsync(args.Message);

                    // The default is left to the SDK, which abandons a failed message.
                    var byDefault = client.CreateProcessor("mail");
                    byDefault.ProcessMessageAsync += args => HandleAsync(args.Message);

                    var chosen = client.CreateProcessor("sms", new ServiceBusProcessorOptions { AutoCompleteMessages = auto });
                    chosen.ProcessMessageAsync += args => HandleAsync(args.Message);
                    var changed = client.CreateProcessor("push", _changed);
                    changed.ProcessMessageAsync += args => HandleAsync(args.Message);
                    var shared = client.CreateProcessor("fax", Shared);
                    shared.ProcessMessageAsync += args => HandleAsync(args.Message);
                    var overridable = client.CreateProcessor("post", Overridable());
                    overridable.ProcessMessageAsync += args => HandleAsync(args.Message);

                    var guarded = client.CreateProcessor("telex", new ServiceBusProcessorOptions { AutoCompleteMessages = true });
                    guarded.ProcessMessageAsync += async args =>
                    {
                        try { await HandleAsync(args.Message); }
                        catch (Exception e) { await args.AbandonMessageAsync(args.Message); Console.WriteLine(e); }
                    };
                    var idle = client.CreateProcessor("pager", new ServiceBusProcessorOptions { AutoCompleteMessages = true });
                    idle.ProcessMessageAsync += args =>
                    {
                        Func<Task> later = () => HandleAsync(args.Message);
                        return Task.CompletedTask;
                    };
                }

                static Task HandleAsync(ServiceBusReceivedMessage message) => Task.CompletedTask;
            }
            """, Brokers.ServiceBus);
    }

    [Fact]
    public async Task ExplicitAutoCompleteMessageSaysWhatHappensToAFailedMessage()
    {
        await VerifyEG0018.AnalyzerAsync("""
            using System.Threading.Tasks;
            using Azure.Messaging.ServiceBus;

            class Worker
            {
                void Start(ServiceBusClient client)
                {
                    var processor = client.CreateProcessor("orders", new ServiceBusProcessorOptions { AutoCompleteMessages = true });
                    processor.ProcessMessageAsync += args => Task.Delay(1);
                }
            }
            """, Brokers.ServiceBus,
            VerifyEG0018.Diagnostic(Descriptors.ServiceBusSettledBeforeProcessing).WithSpan(9, 9, 9, 63).WithSpan(9, 50, 9, 63).WithArguments(
                "AutoCompleteMessages = true lets the processor, not the handler that knows whether processing succeeded, settle each message, and the ProcessMessageAsync handler can throw: a failed message is abandoned, redelivered at once and dead-lettered after MaxDeliveryCount attempts",
                "set AutoCompleteMessages = false, call CompleteMessageAsync after processing succeeds, and AbandonMessageAsync or DeadLetterMessageAsync in a catch"));
    }

    [Fact]
    public async Task NothingIsReportedWithoutServiceBus()
    {
        await VerifyEG0018.AnalyzerAsync("""
            enum ServiceBusReceiveMode { PeekLock, ReceiveAndDelete }

            class ServiceBusReceiverOptions { public ServiceBusReceiveMode ReceiveMode { get; set; } }

            class Receivers
            {
                ServiceBusReceiverOptions Options() => new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete };
            }
            """, Brokers.None);
    }
}

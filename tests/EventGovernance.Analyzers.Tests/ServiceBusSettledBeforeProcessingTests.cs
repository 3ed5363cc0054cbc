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
                "'ServiceBusReceiverOptions.ReceiveMode' is ReceiveAndDelete: each message is deleted as it is received",
                "use PeekLock (the default) and settle the message after processing"));
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

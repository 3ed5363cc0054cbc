using System;

namespace EventGovernance.Analyzers
{
    /// <summary>The messaging library a rule is about; the rule stays silent in a project that does not reference it.</summary>
    [Flags]
    public enum BrokerLibrary
    {
        /// <summary>The rule applies to any project.</summary>
        None = 0,

        /// <summary>Confluent.Kafka 2.x.</summary>
        Kafka = 1,

        /// <summary>RabbitMQ.Client 6.x or 7.x.</summary>
        RabbitMq = 2,

        /// <summary>Azure.Messaging.ServiceBus 7.x.</summary>
        ServiceBus = 4,
    }
}

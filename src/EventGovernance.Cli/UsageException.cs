using System;

namespace EventGovernance.Cli
{
    /// <summary>Bad usage: one line on stderr pointing at the command's help, exit code 2.</summary>
    internal sealed class UsageException : Exception
    {
        public UsageException(string message) : base(message)
        {
        }
    }
}

using EventGovernance.Compatibility;

namespace EventGovernance.Compatibility.Tests;

public sealed class EchoTests
{
    [Fact]
    public void Short_values_are_repeated_whole()
    {
        string value = new string('s', Echo.MaxLength);
        Assert.Equal(value, Echo.Cut(value));
        Assert.Equal("", Echo.Cut(null));
    }

    [Fact]
    public void Long_values_keep_their_start_and_say_how_long_they_were()
    {
        string cut = Echo.Cut("orders-" + new string('x', 200_000_000 / 1000));
        Assert.StartsWith("orders-xxx", cut);
        Assert.EndsWith("… (200007 characters)", cut);
        Assert.True(cut.Length < Echo.MaxLength + 30, cut.Length.ToString());
    }

    [Fact]
    public void A_surrogate_pair_is_never_split()
    {
        string value = new string('a', Echo.MaxLength - 2) + "\U0001F600" + new string('b', 50);
        string cut = Echo.Cut(value);
        Assert.False(char.IsHighSurrogate(cut[cut.IndexOf('…') - 1]));
    }
}

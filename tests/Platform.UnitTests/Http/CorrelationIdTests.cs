using Platform.ServiceDefaults.Http;

namespace Platform.UnitTests.Http;

public sealed class CorrelationIdTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("7f3c2a10-9b1e-4c55-8d2e-1a2b3c4d5e6f")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")]
    [InlineData("req_2026.05.04:gateway")]
    public void A_short_plain_id_is_kept(string value)
    {
        Assert.True(CorrelationId.IsAcceptable(value));
    }

    [Fact]
    public void The_ids_the_platform_makes_itself_are_acceptable()
    {
        Assert.True(CorrelationId.IsAcceptable(Guid.NewGuid().ToString("N")));
        Assert.True(CorrelationId.IsAcceptable(Guid.NewGuid().ToString()));
    }

    [Fact]
    public void The_length_limit_is_128_characters()
    {
        Assert.True(CorrelationId.IsAcceptable(new string('a', 128)));
        Assert.False(CorrelationId.IsAcceptable(new string('a', 129)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("two words")]
    [InlineData("line\r\nX-Injected: yes")]
    [InlineData("a/b")]
    [InlineData("<script>")]
    [InlineData("id;drop")]
    [InlineData("კორელაცია")]
    [InlineData("ａｂｃ")]
    public void Anything_else_is_replaced(string? value)
    {
        Assert.False(CorrelationId.IsAcceptable(value));
    }
}

using Platform.ServiceDefaults.Http;

namespace Platform.UnitTests.Http;

public sealed class PagingTests
{
    private static IDictionary<string, string[]> Errors(Paging paging)
    {
        var errors = new ValidationErrors();
        paging.Validate(errors);
        return errors.ToDictionary();
    }

    [Fact]
    public void Without_parameters_the_first_page_of_20_is_read()
    {
        var paging = new Paging(null, null);

        Assert.Empty(Errors(paging));
        Assert.Equal(1, paging.Number);
        Assert.Equal(Paging.DefaultPageSize, paging.Size);
        Assert.Equal(20, paging.Size);
        Assert.Equal(0, paging.Skip);
    }

    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(2, 20, 20)]
    [InlineData(3, 10, 20)]
    [InlineData(5, 100, 400)]
    public void A_page_skips_the_pages_before_it(int page, int pageSize, int skip)
    {
        var paging = new Paging(page, pageSize);

        Assert.Empty(Errors(paging));
        Assert.Equal(skip, paging.Skip);
        Assert.Equal(pageSize, paging.Size);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Pages_are_numbered_from_1(int page)
    {
        Assert.Equal(["page"], Errors(new Paging(page, null)).Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(101)]
    [InlineData(int.MaxValue)]
    public void A_page_size_outside_1_to_100_is_refused(int pageSize)
    {
        Assert.Equal(["pageSize"], Errors(new Paging(null, pageSize)).Keys);
    }

    [Fact]
    public void The_largest_page_size_is_accepted()
    {
        Assert.Empty(Errors(new Paging(1, Paging.MaxPageSize)));
        Assert.Equal(100, Paging.MaxPageSize);
    }

    [Fact]
    public void Both_problems_are_reported_together()
    {
        Assert.Equal(["page", "pageSize"], Errors(new Paging(0, 0)).Keys.Order(StringComparer.Ordinal));
    }
}

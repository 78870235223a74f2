using Platform.ServiceDefaults.Domain;

namespace Platform.ServiceDefaults.Http;

/// <summary>One page of a list, with the total so a client can page through all of it.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

/// <summary>The <c>page</c> and <c>pageSize</c> query parameters every list accepts.</summary>
public readonly record struct Paging(int? Page, int? PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int Number => Page ?? 1;

    public int Size => PageSize ?? DefaultPageSize;

    public int Skip => (Number - 1) * Size;

    public void Validate(ValidationErrors errors)
    {
        if (Number < 1)
        {
            errors.Add("page", "Pages are numbered from 1.");
        }
        else if ((long)(Number - 1) * Math.Max(Size, 1) > int.MaxValue)
        {
            errors.Add("page", "Past the end of any list.");
        }

        if (Size is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"Between 1 and {MaxPageSize}.");
        }
    }
}

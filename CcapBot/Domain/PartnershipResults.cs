namespace CcapBot.Domain;

/// <summary>
/// What one city of a partnership reports at the end: the results, the lessons learned, links to recorded
/// interviews and documents, and whether CCAP may publish it on its knowledge platform. One per city per
/// partnership; the city may revise it.
/// </summary>
public sealed class PartnershipResult
{
    public const int MaxTextLength = 4000;
    public const int MaxLinks = 10;
    public const int MaxLinkLength = 1000;

    private PartnershipResult() { }

    public int Id { get; private set; }
    public int PartnershipId { get; private set; }
    public int CityId { get; private set; }
    public string Summary { get; private set; } = "";
    public string? Lessons { get; private set; }
    /// <summary>Recorded interviews, documents, presentations: absolute http(s) links.</summary>
    public List<string> Links { get; private set; } = [];
    public bool ConsentToPublish { get; private set; }
    public int? RepresentativeId { get; private set; }
    /// <summary>Channel identity of whoever recorded it last.</summary>
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Results are recorded once the work is over: every activity done, or the partnership completed or closed.</summary>
    public static bool MayRecord(Partnership partnership)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        return partnership.Status is PartnershipStatus.Completed or PartnershipStatus.Closed
            || partnership.Status == PartnershipStatus.Active && partnership.AllActivitiesDone;
    }

    /// <summary>A representative records their city's results (the first time).</summary>
    public static PartnershipResult Record(Partnership partnership, PartnershipActor actor, ResultDraft draft, DateTimeOffset now)
    {
        var cityId = Check(partnership, actor, draft);
        var result = new PartnershipResult { PartnershipId = partnership.Id, CityId = cityId, RecordedAt = now };
        result.Apply(actor, draft, now);
        return result;
    }

    /// <summary>The same city revises what it recorded.</summary>
    public void Revise(Partnership partnership, PartnershipActor actor, ResultDraft draft, DateTimeOffset now)
    {
        var cityId = Check(partnership, actor, draft);
        if (partnership.Id != PartnershipId || cityId != CityId) throw new DomainRuleException(DomainRule.NotAParticipant);
        Apply(actor, draft, now);
    }

    private void Apply(PartnershipActor actor, ResultDraft draft, DateTimeOffset now)
    {
        Summary = draft.Summary.Trim();
        Lessons = string.IsNullOrWhiteSpace(draft.Lessons) ? null : draft.Lessons.Trim();
        Links = [.. draft.Links.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal)];
        ConsentToPublish = draft.ConsentToPublish;
        RepresentativeId = actor.RepresentativeId;
        RecordedBy = actor.Identity;
        UpdatedAt = now;
    }

    /// <summary>The rules; answers the city the actor records for.</summary>
    private static int Check(Partnership partnership, PartnershipActor actor, ResultDraft draft)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        // Each side speaks for itself: a representative of a city of this partnership.
        if (actor is not { RepresentativeId: not null, CityId: { } cityId } || !partnership.Includes(cityId))
            throw new DomainRuleException(DomainRule.NotAParticipant);
        var violations = new List<RuleViolation>();
        if (!MayRecord(partnership)) violations.Add(new(DomainRule.NotAllowedInStatus));
        if (string.IsNullOrWhiteSpace(draft.Summary)) violations.Add(new(DomainRule.ResultSummaryRequired));
        if (draft.Summary?.Trim().Length > MaxTextLength || draft.Lessons?.Trim().Length > MaxTextLength) violations.Add(new(DomainRule.TextTooLong));
        var links = draft.Links.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (links.Count > MaxLinks || links.Any(l => !IsWebLink(l))) violations.Add(new(DomainRule.ResultLinkInvalid));
        DomainRuleException.ThrowIfAny(violations);
        return cityId;
    }

    internal static bool IsWebLink(string link) =>
        link.Length <= MaxLinkLength
        && Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

/// <summary>What a city enters as its results.</summary>
public sealed record ResultDraft(string Summary, string? Lessons, IReadOnlyList<string> Links, bool ConsentToPublish);

namespace CcapBot.Domain;

public enum ActivityStatus
{
    NotStarted,
    InProgress,
    Done,
    Blocked,
}

/// <summary>
/// An agreed activity being implemented. It keeps its identity (and so its status and history) across
/// later versions of the action list; <see cref="Number"/> is its position in the current agreed list,
/// which is how people refer to it ("activity 2 done").
/// </summary>
public sealed class PartnershipActivity
{
    public const int MaxNoteLength = 1000;

    private readonly List<ActivityUpdate> _updates = [];

    private PartnershipActivity() { }

    internal PartnershipActivity(ActionListItem item, DateTimeOffset now)
    {
        Status = ActivityStatus.NotStarted;
        CreatedAt = now;
        Revise(item, now);
    }

    public int Id { get; private set; }
    public int PartnershipId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public int OwnerCityId { get; private set; }
    public DateOnly DueDate { get; private set; }
    public int? TemplateActivityId { get; private set; }
    public ActivityStatus Status { get; private set; }
    public string? LastNote { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Set when a later agreed list left it out; kept for its history.</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    /// <summary>
    /// History written through the partnership. Not loaded with the aggregate (it only grows): query
    /// ActivityUpdates for it.
    /// </summary>
    public IReadOnlyList<ActivityUpdate> Updates => _updates;

    internal void Revise(ActionListItem item, DateTimeOffset now)
    {
        Number = item.Number;
        Title = item.Title;
        Description = item.Description;
        OwnerCityId = item.OwnerCityId;
        DueDate = item.DueDate;
        TemplateActivityId = item.TemplateActivityId;
        UpdatedAt = now;
    }

    internal void Remove(DateTimeOffset now)
    {
        RemovedAt = now;
        UpdatedAt = now;
    }

    internal ActivityUpdate Record(ActivityStatus status, string? note, PartnershipActor actor, string channel, DateTimeOffset now)
    {
        var update = new ActivityUpdate(Status, status, note, actor, channel, now);
        _updates.Add(update);
        Status = status;
        if (note is not null) LastNote = note;
        UpdatedAt = now;
        return update;
    }
}

/// <summary>One change to an activity: who, when, from which status to which, the note, and the channel it came through.</summary>
public sealed class ActivityUpdate
{
    private ActivityUpdate() { }

    internal ActivityUpdate(ActivityStatus from, ActivityStatus to, string? note, PartnershipActor actor, string channel, DateTimeOffset now)
    {
        FromStatus = from;
        ToStatus = to;
        Note = note;
        By = actor.Identity;
        RepresentativeId = actor.RepresentativeId;
        ByCoordinator = actor.IsCoordinator;
        Channel = channel;
        At = now;
    }

    public long Id { get; private set; }
    public int ActivityId { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>Channel identity of whoever made the change.</summary>
    public string By { get; private set; } = "";
    /// <summary>The representative, when a city's representative made it.</summary>
    public int? RepresentativeId { get; private set; }
    public bool ByCoordinator { get; private set; }
    public ActivityStatus FromStatus { get; private set; }
    public ActivityStatus ToStatus { get; private set; }
    public string? Note { get; private set; }
    /// <summary>Channel id the change came through (msteams, webchat, …).</summary>
    public string Channel { get; private set; } = "";
}

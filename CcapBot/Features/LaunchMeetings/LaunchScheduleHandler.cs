using System.Globalization;
using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Conversations.Forms;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Partnering;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.LaunchMeetings;

/// <summary>
/// "schedule launch meeting 7" (or the button on a new partnership): a coordinator enters the date and time in
/// their own zone, the duration, the join link and the agenda. Scheduling sends every participant the invitation
/// with the time in their city's zone. A refused form comes back with the reasons and what was entered.
/// </summary>
public sealed partial class LaunchScheduleHandler(
    CcapDbContext db, ActorResolver actors, LaunchMeetingCards meetingCards, CardBinder cards, PartneringText text,
    ILogger<LaunchScheduleHandler> log) : IActivityHandler
{
    public const string Template = "launch-schedule";
    private const int DefaultDuration = 60;
    private static readonly string[] FormInputs = ["partnership", "date", "time", "duration", "link", "agenda"];

    public static CommandDefinition Command { get; } = new("scheduleLaunch", TakesNumber: true);

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var language = turn.Language;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (!actor.IsCoordinator)
        {
            CardReply.Say(turn, text.Refusal([new RuleViolation(DomainRule.CoordinatorOnly)], language));
            return;
        }
        var reader = await Audience.ForTurnAsync(db, turn, actor, cancellationToken);
        var inputs = CardInputs.Of(turn.SubmitData);
        if (turn.Verb == LaunchVerbs.Schedule)
        {
            await ScheduleAsync(turn, actor, reader, inputs, cancellationToken);
            return;
        }

        var wanted = turn.Verb == LaunchVerbs.Form ? inputs.Number("partnership") : turn.CommandNumber;
        var schedulable = await SchedulableAsync(language, cancellationToken);
        if (wanted is { } id && schedulable.All(p => p.Value != id.ToString(CultureInfo.InvariantCulture)))
        {
            var exists = await db.Partnerships.AsNoTracking().Where(p => p.Id == id).Select(p => (PartnershipStatus?)p.Status).FirstOrDefaultAsync(cancellationToken);
            CardReply.Say(turn, exists is null
                ? text.Format(language, "Partnering.NoPartnership", id)
                : text.Refusal([new RuleViolation(exists == PartnershipStatus.LaunchScheduled ? DomainRule.MeetingAlreadyScheduled : DomainRule.NotAllowedInStatus)], language));
            return;
        }
        if (schedulable.Count == 0)
        {
            CardReply.Say(turn, text.Get(language, "Launch.NothingToSchedule"));
            return;
        }
        var today = reader.OwnZone is { } zone ? DateOnly.FromDateTime(ZonedTime.InZone(turn.Now, zone).DateTime) : turn.Today;
        var entered = new Dictionary<string, string?>
        {
            ["partnership"] = (wanted?.ToString(CultureInfo.InvariantCulture)) ?? (schedulable.Count == 1 ? schedulable[0].Value : null),
            ["date"] = today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["time"] = "09:00",
            ["duration"] = DefaultDuration.ToString(CultureInfo.InvariantCulture),
        };
        CardReply.Send(turn, Form(reader, schedulable, entered, ""), text.Get(language, "Partnering.Shown"));
    }

    private async Task ScheduleAsync(TurnContext turn, Actor actor, Recipient reader, CardInputs inputs, CancellationToken cancellationToken)
    {
        var language = reader.Language;
        var errors = new List<string>();
        var partnership = inputs.Number("partnership") is { } id ? await PartnershipContext.LoadAsync(db, id, cancellationToken) : null;
        if (partnership is null) errors.Add(text.Get(language, "Launch.Error.Partnership"));
        var date = inputs.Date("date");
        if (date is null) errors.Add(text.Get(language, "Launch.Error.Date"));
        var time = inputs.Time("time");
        if (time is null) errors.Add(text.Get(language, "Launch.Error.Time"));
        var zone = TimeZones.TryFind(inputs.Text("zone")) ?? reader.OwnZone ?? TimeZoneInfo.Utc;

        LaunchMeeting? meeting = null;
        if (errors.Count == 0)
        {
            var plan = new LaunchMeetingPlan(ZonedTime.ToInstant(date!.Value, time!.Value, zone), inputs.Number("duration") ?? DefaultDuration, zone.Id,
                inputs.Text("link"), inputs.Text("agenda"));
            try
            {
                meeting = partnership!.Partnership.ScheduleLaunch(actor.ForPartnership(), plan, turn.Now);
            }
            catch (DomainRuleException e)
            {
                errors.AddRange(text.Reasons(e.Violations, language));
            }
        }
        if (meeting is null)
        {
            var entered = FormInputs.ToDictionary(k => k, inputs.Text);
            CardReply.Replace(turn, Form(reader, await SchedulableAsync(language, cancellationToken), entered, text.Format(language, "Partnering.Refused", string.Join("\n", errors)), zone.Id));
            return;
        }

        Audit.Record(db, actor, turn.Now, "launch.scheduled", nameof(Partnership), partnership!.Id, JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["meeting"] = meeting.Number.ToString(CultureInfo.InvariantCulture),
            ["startsAt"] = meeting.StartsAt.ToString("O", CultureInfo.InvariantCulture),
            ["zone"] = zone.Id,
        }, PartneringJsonContext.Default.DictionaryStringString));
        await meetingCards.PublishAsync(db, partnership, meeting, reader, cancellationToken);
        LogScheduled(log, partnership.Id, meeting.Number);
        CardReply.Replace(turn, meetingCards.ScheduledCard(partnership, meeting, reader));
    }

    /// <summary>Confirmed partnerships without a launch meeting: "#7 Kitakyushu → Hai Phong".</summary>
    private async Task<IReadOnlyList<CardOption>> SchedulableAsync(string language, CancellationToken cancellationToken)
    {
        var partnerships = await db.Partnerships.AsNoTracking().Include(p => p.Cities).Include(p => p.LaunchMeetings)
            .Where(p => p.Status == PartnershipStatus.Confirmed || p.Status == PartnershipStatus.LaunchScheduled)
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
        var cityIds = partnerships.SelectMany(p => p.Cities.Select(c => c.CityId)).Distinct().ToList();
        var names = await db.Cities.AsNoTracking().Where(c => cityIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return [.. partnerships.Where(p => p.OpenLaunchMeeting is null).Select(p => new CardOption(
            text.Format(language, "Partnering.PartnershipChoice", p.Id, names.GetValueOrDefault(p.MentorCityId),
                string.Join(", ", p.LearningCityIds.Select(id => names.GetValueOrDefault(id)))),
            p.Id.ToString(CultureInfo.InvariantCulture)))];
    }

    private JsonElement Form(Recipient reader, IReadOnlyList<CardOption> partnerships, IReadOnlyDictionary<string, string?> entered, string error, string? zoneId = null)
    {
        var language = reader.Language;
        var zone = zoneId ?? reader.OwnZone?.Id ?? TimeZoneInfo.Utc.Id;
        var data = new ScheduleCardData
        {
            Title = text.Get(language, "Launch.Form.Title"),
            Intro = text.Format(language, reader.OwnZone is null && zoneId is null ? "Launch.Form.IntroNoZone" : "Launch.Form.Intro", zone),
            Error = error,
            PartnershipLabel = text.Get(language, "Launch.Form.Partnership"),
            Partnerships = partnerships,
            Partnership = entered.GetValueOrDefault("partnership"),
            DateLabel = text.Get(language, "Launch.Card.Date"),
            Date = entered.GetValueOrDefault("date"),
            TimeLabel = text.Get(language, "Launch.Card.Time"),
            Time = entered.GetValueOrDefault("time"),
            DurationLabel = text.Get(language, "Launch.Card.Duration"),
            Durations = meetingCards.DurationOptions(language),
            Duration = entered.GetValueOrDefault("duration"),
            LinkLabel = text.Get(language, "Launch.Form.Link"),
            Link = entered.GetValueOrDefault("link"),
            AgendaLabel = text.Get(language, "Launch.Card.Agenda"),
            Agenda = entered.GetValueOrDefault("agenda"),
            ScheduleLabel = text.Get(language, "Launch.Form.Schedule"),
            Zone = zone,
        };
        return cards.Bind(Template, data, LaunchCardsJsonContext.Default.ScheduleCardData, reader.UniversalActions);
    }

    [LoggerMessage(EventId = 7110, Level = LogLevel.Information, Message = "Launch meeting {MeetingNumber} of partnership {PartnershipId} scheduled")]
    private static partial void LogScheduled(ILogger logger, int partnershipId, int meetingNumber);
}

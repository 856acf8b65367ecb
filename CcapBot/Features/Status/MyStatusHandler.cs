using System.Globalization;
using CcapBot.Cards;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Applications;
using CcapBot.Features.Registration;
using CcapBot.Features.Review;
using CcapBot.Localization;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Status;

/// <summary>
/// "My status": the user's city and where its registration stands, the city's applications and partnerships, and
/// for coordinators what waits for review, as one card in the user's language with buttons for what comes next.
/// It also shows the user's own id, which a coordinator needs to grant them the coordinator role.
/// </summary>
public sealed class MyStatusHandler(CcapDbContext db, ActorResolver actors, ReviewCards reviewCards, CardBinder cards, Localizer text) : IActivityHandler
{
    public static CommandDefinition Command { get; } = new(ReviewCards.StatusCommand);

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var language = turn.Language;
        var zone = turn.TimeZone;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        var sections = new List<StatusSection>();
        var buttons = new List<CommandButton>();
        var intro = "";

        var you = new List<CardFact> { new(text.Get(language, "Status.YourId"), actor.AadObjectId ?? actor.UserId) };
        if (actor.IsCoordinator) you.Add(new(text.Get(language, "Status.Role"), text.Get(language, "Status.Role.Coordinator")));

        if (actor.Representative is { City: { } city } representative)
        {
            you.Add(new(text.Get(language, "Status.Role"), text.Format(language,
                representative.Active ? "Status.Role.Representative" : "Status.Role.PendingRepresentative", city.Name)));
            var registration = await db.Registrations.AsNoTracking().Where(r => r.RepresentativeId == representative.Id)
                .OrderByDescending(r => r.SubmittedAt).FirstOrDefaultAsync(cancellationToken);
            List<CardFact> cityRows =
            [
                new(text.Get(language, "Status.City"), ReviewCards.CityAndCountry(city, language)),
                new(text.Get(language, "Status.CityStatus"), text.Get(language, $"Status.City.{city.Status}")),
            ];
            if (registration is not null)
            {
                cityRows.Add(new(text.Get(language, "Status.Registration"), RegistrationLine(registration, language, zone)));
                if (registration.Status == ReviewStatus.Returned) buttons.Add(new(text.Get(language, "Review.Outcome.Resubmit"), RegistrationForm.CommandId));
            }
            sections.Add(new(text.Get(language, "Status.Section.City"), cityRows));

            if (representative.Active)
            {
                await AddApplicationsAsync(city.Id, language, zone, sections, buttons, cancellationToken);
                await AddPartnershipsAsync(city.Id, language, sections, cancellationToken);
            }
        }
        else
        {
            intro = text.Get(language, "Status.NotRegistered");
            buttons.Add(new(text.Get(language, "Status.Button.Register"), RegistrationForm.CommandId));
        }
        sections.Insert(0, new(text.Get(language, "Status.Section.You"), you));

        if (actor.IsCoordinator)
        {
            var waiting = await ReviewItem.WaitingAsync(db, cancellationToken);
            sections.Add(new(text.Get(language, "Status.Section.Coordinator"),
            [
                new(text.Get(language, "Status.Waiting"), text.Format(language, "Status.WaitingCount",
                    waiting.Count(i => i.Subject == ReviewSubject.Registration), waiting.Count(i => i.Subject == ReviewSubject.Application))),
            ]));
            if (waiting.Count > 0) buttons.Add(new(text.Get(language, "Status.Button.Reviews"), ReviewsCommand.Command.Id));
        }

        var data = new StatusCardData { Title = text.Get(language, "Status.Title"), Intro = intro, Sections = sections, Buttons = buttons };
        turn.SendCard(cards.Bind("my-status", data, ReviewCardsJsonContext.Default.StatusCardData, turn.SupportsUniversalActions));
    }

    private string RegistrationLine(Domain.Registration registration, string language, TimeZoneInfo zone)
    {
        var submitted = ReviewCards.When(registration.SubmittedAt, language, zone);
        var reviewed = registration.ReviewedAt is { } at ? ReviewCards.When(at, language, zone) : "";
        var key = $"Status.Registration.{registration.Kind}.{registration.Status}";
        return text.Format(language, key, submitted, registration.ReviewedBy, reviewed, registration.Reason);
    }

    private async Task AddApplicationsAsync(int cityId, string language, TimeZoneInfo zone, List<StatusSection> sections, List<CommandButton> buttons, CancellationToken cancellationToken)
    {
        var applications = await db.Applications.AsNoTracking().Where(a => a.CityId == cityId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var catalog = await ActionCatalog.LoadAsync(db, cancellationToken);
        var culture = CultureInfo.GetCultureInfo(Languages.Culture(language));
        var rows = applications.Select(a =>
        {
            var areas = string.Join(", ", a.Categories.Select(c => catalog.CategoryName(c, language)));
            var period = $"{a.PeriodStart.ToString("MM/yyyy", culture)}–{a.PeriodEnd.ToString("MM/yyyy", culture)}";
            var state = a.Status switch
            {
                ReviewStatus.Submitted => text.Format(language, "Status.Application.Submitted", ReviewCards.When(a.SubmittedAt, language, zone)),
                ReviewStatus.Approved => text.Format(language, "Status.Application.Approved", a.ReviewedBy),
                ReviewStatus.Returned => text.Format(language, "Status.Application.Returned", a.ReviewedBy, a.Reason),
                _ => text.Get(language, "Status.Review.Withdrawn"),
            };
            return new CardFact(text.Format(language, "Status.Application.Label", a.Id, reviewCards.KindName(a.Kind, language)), $"{areas} · {period} · {state}");
        }).ToList();
        sections.Add(new(text.Get(language, "Status.Section.Applications"), rows.Count > 0 ? rows : [new(text.Get(language, "Status.None"), text.Get(language, "Status.NoApplications"))]));
        buttons.Add(new(text.Get(language, "Status.Button.ApplyLearning"), ApplicationForm.CommandId, Kind: ApplicationForm.Learning));
        buttons.Add(new(text.Get(language, "Status.Button.ApplyMentor"), ApplicationForm.CommandId, Kind: ApplicationForm.Mentor));
        foreach (var returned in applications.Where(a => a.Status == ReviewStatus.Returned))
            buttons.Add(new(text.Format(language, "Status.Button.Correct", returned.Id), ApplicationForm.CommandId, Resubmit: returned.Id));
        if (applications.Any(a => a.Status is ReviewStatus.Submitted or ReviewStatus.Approved)) buttons.Add(new(text.Get(language, "Status.Button.Withdraw"), WithdrawForm.Command.Id));
    }

    private async Task AddPartnershipsAsync(int cityId, string language, List<StatusSection> sections, CancellationToken cancellationToken)
    {
        var partnerships = await db.Partnerships.AsNoTracking()
            .Where(p => p.Cities.Any(c => c.CityId == cityId))
            .Include(p => p.Cities).ThenInclude(c => c.City)
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
        if (partnerships.Count == 0) return;
        var catalog = await ActionCatalog.LoadAsync(db, cancellationToken);
        sections.Add(new(text.Get(language, "Status.Section.Partnerships"), [.. partnerships.Select(p =>
        {
            var others = string.Join(", ", p.Cities.Where(c => c.CityId != cityId).Select(c =>
                text.Format(language, c.Role == PartnershipRole.Mentor ? "Status.Partner.Mentor" : "Status.Partner.Learning", c.City?.Name)));
            var completion = p.CompletionDate is { } date ? " · " + text.Format(language, "Status.Partnership.Completion", date.ToString("d", CultureInfo.GetCultureInfo(Languages.Culture(language)))) : "";
            return new CardFact(text.Format(language, "Status.Partnership.Label", p.Id, catalog.CategoryName(p.CategoryCode, language)),
                $"{text.Get(language, $"Status.Partnership.{p.Status}")} · {others}{completion}");
        })]));
    }
}

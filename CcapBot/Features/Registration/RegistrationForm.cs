using System.Globalization;
using System.Text.Json;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Conversations.Forms;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Onboarding;
using CcapBot.Features.Review;
using CcapBot.Localization;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Registration;

/// <summary>
/// City registration (DESIGN §1 step 1): a new city, or joining a city already approved as another representative.
/// The country and name come first, so a city already in CCAP is caught at once: an approved one is offered to
/// join, one still under review cannot be registered twice. Confirming stores the city (pending), the
/// representative (inactive until approved) with this channel identity, and the registration, and sends the
/// review card to every coordinator. A returned registration reopens here, prefilled, and is resubmitted.
/// </summary>
public sealed class RegistrationForm(
    CcapDbContext db,
    ActorResolver actors,
    ReviewRequests reviews,
    Localizer text) : IForm
{
    public const string Id = "registration";
    public const string CommandId = "register";

    public static CommandDefinition Command { get; } = new(CommandId, OnboardingVerbs.StartRegistration);

    public FormDefinition Definition { get; private set; } = Build(new Dictionary<string, CityStatus>());

    /// <summary>
    /// The form, given the cities already in CCAP (normalized key → status; the applicant's own city left out).
    /// Also used to show a registration on the review card, with the same labels and answer texts.
    /// </summary>
    public static FormDefinition Build(IReadOnlyDictionary<string, CityStatus> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var newCity = FieldCondition.Not(FieldCondition.Is("join", "true"));
        return new FormDefinition
        {
            Id = Id,
            Fields =
            [
                Field.Country("country"),
                Field.ShortText("city", maxLength: 100)
                    .Check(new FieldRule((value, context) => !IsUnderReview(known, value.GetString(), context.Answers.Text("country")), "Form.registration.city.UnderReview")),
                Field.YesNo("join").When(new KnownCity(known, CityStatus.Approved))
                    .Check(new FieldRule((value, _) => value.ValueKind == JsonValueKind.True, "Form.registration.join.OnlyOnce")),
                Field.ShortText("region", maxLength: 100).Optional().When(newCity),
                Field.TimeZone("timeZone").When(newCity),
                Field.WholeNumber("population", 1, 50_000_000).Optional().When(newCity),
                Field.ShortText("agency", maxLength: 200).When(newCity),
                Field.ShortText("name", maxLength: 100),
                Field.ShortText("title", maxLength: 100),
                Field.Email("email"),
                Field.Phone("phone").Optional(),
                Field.ShortText("altName", maxLength: 100).Optional().When(newCity),
                Field.Email("altEmail").Optional().When(FieldCondition.Answered("altName")),
                Field.Languages("languages").When(newCity),
                Field.Choice("role", "learning", "mentor", "both").When(newCity),
                Field.MultiChoice("aqm", false, [.. AqmCapacities.All]).Optional().When(newCity),
                Field.YesNo("consent").When(newCity),
            ],
        };
    }

    public async Task<string?> RefuseStartAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (actor.Representative is not { } representative) return null;
        var cityName = representative.City?.Name ?? "";
        if (representative.Active) return text.Format(turn.Language, "Registration.AlreadyRepresent", cityName);
        var latest = await LatestRegistrationAsync(representative.Id, cancellationToken);
        return latest is { Status: ReviewStatus.Submitted } ? text.Format(turn.Language, "Registration.AlreadyWaiting", cityName) : null;
    }

    public async Task PrepareAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        // The applicant's own city (a returned registration being corrected) is not a duplicate of itself.
        var own = actor.Representative is { IsFocalPerson: true } r ? r.CityId : (int?)null;
        var candidates = db.Cities.AsNoTracking().Where(c => c.Status != CityStatus.Withdrawn && c.Id != own);
        // Once the country is answered and this turn cannot change it, only that country's cities can be duplicates:
        // the form reads tens of cities per turn instead of the whole programme.
        if (AnsweredCountry(turn) is { } country) candidates = candidates.Where(c => c.CountryCode == country);
        var cities = await candidates.Select(c => new { c.Name, c.CountryCode, c.Status }).ToListAsync(cancellationToken);
        // An approved city wins over a stale duplicate of it: joining it is the way in.
        var known = cities.GroupBy(c => City.NormalizedKey(c.Name, c.CountryCode), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Any(c => c.Status == CityStatus.Approved) ? CityStatus.Approved : g.First().Status, StringComparer.Ordinal);
        Definition = Build(known);
    }

    /// <summary>The country answered so far, unless this turn may answer it again (its question, or a whole card submitted).</summary>
    private static string? AnsweredCountry(TurnContext turn) =>
        turn.SubmitData is null && DialogState.Read(turn.Member).Run is { FormId: Id, Field: not "country" } run
            && run.Answers.TryGetValue("country", out var country) && country.ValueKind == JsonValueKind.String
            ? country.GetString() : null;

    public async Task<IReadOnlyDictionary<string, JsonElement>> PrefillAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (actor.Representative is { } representative && await LatestRegistrationAsync(representative.Id, cancellationToken) is { } registration && representative.City is { } city)
            return AnswersOf(registration, city, representative);

        // A first registration starts from what is known about the person: their profile, or the channel's name.
        var member = turn.Member;
        var answers = new Dictionary<string, JsonElement>();
        var profile = await db.UserProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.ChannelId == member.ChannelId && p.UserId == member.UserId, cancellationToken);
        Answer.Set(answers, "name", profile?.DisplayName ?? member.UserName?.Trim());
        Answer.Set(answers, "email", profile?.Email);
        return answers;
    }

    /// <summary>A stored registration as the answers of this form (prefill for a correction; facts of the review card).</summary>
    public static Dictionary<string, JsonElement> AnswersOf(Domain.Registration registration, City city, Representative representative)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(representative);
        var answers = new Dictionary<string, JsonElement>();
        Answer.Set(answers, "country", city.CountryCode);
        Answer.Set(answers, "city", city.Name);
        if (registration.Kind == RegistrationKind.JoinCity)
        {
            Answer.Set(answers, "join", true);
        }
        else
        {
            Answer.Set(answers, "region", city.Region);
            Answer.Set(answers, "timeZone", city.TimeZone);
            Answer.Set(answers, "population", city.Population);
            Answer.Set(answers, "agency", city.Agency);
            Answer.Set(answers, "altName", city.AlternateContactName);
            Answer.Set(answers, "altEmail", city.AlternateContactEmail);
            Answer.Set(answers, "languages", city.WorkingLanguages);
            Answer.Set(answers, "role", RoleValue(city.RoleInterest));
            Answer.Set(answers, "aqm", city.AqmCapacity);
            Answer.Set(answers, "consent", city.ConsentToPublish);
        }
        Answer.Set(answers, "name", representative.Name);
        Answer.Set(answers, "title", representative.Title);
        Answer.Set(answers, "email", representative.Email);
        Answer.Set(answers, "phone", representative.Phone);
        return answers;
    }

    public async Task<string> CompleteAsync(TurnContext turn, FormAnswers answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(answers);
        var language = turn.Language;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        var representative = actor.Representative;
        var registration = representative is null ? null : await db.Registrations.Include(r => r.City)
            .Where(r => r.RepresentativeId == representative.Id).OrderByDescending(r => r.SubmittedAt).FirstOrDefaultAsync(cancellationToken);
        // Re-checked here: the summary may be older than a registration sent from another conversation.
        if (representative is { Active: true } || registration is { Status: ReviewStatus.Submitted })
            return await RefuseStartAsync(turn, cancellationToken) ?? text.Get(language, "Registration.AlreadyWaiting");

        var name = answers.Text("city")!.Trim();
        var country = answers.Text("country")!;
        var key = City.NormalizedKey(name, country);
        var join = answers.YesNo("join") == true;
        var sameKey = (await db.Cities.Where(c => c.CountryCode == country && c.Status != CityStatus.Withdrawn).ToListAsync(cancellationToken))
            .Where(c => c.Key == key).ToList();
        City city;
        if (join)
        {
            if (sameKey.FirstOrDefault(c => c.Status == CityStatus.Approved) is not { } approved) return text.Format(language, "Registration.CityChanged", name);
            city = approved;
            // A correction that now joins another city leaves the city this person had registered (returned) behind.
            if (registration is { Kind: RegistrationKind.NewCity, City: { } abandoned } && abandoned.Id != approved.Id)
            {
                abandoned.Status = CityStatus.Withdrawn;
                abandoned.UpdatedAt = turn.Now;
            }
        }
        else
        {
            var own = registration is { Kind: RegistrationKind.NewCity, City: { } previous } ? previous : null;
            if (sameKey.Any(c => c.Id != own?.Id)) return text.Format(language, "Registration.CityChanged", name);
            city = own ?? db.Cities.Add(new City { Name = name, CountryCode = country, TimeZone = "", Agency = "", CreatedAt = turn.Now }).Entity;
            city.Name = name;
            city.CountryCode = country;
            city.Region = answers.Text("region")?.Trim();
            city.TimeZone = answers.Text("timeZone")!;
            city.Population = answers.Number("population") is { } population ? (int)population : null;
            city.Agency = answers.Text("agency")!.Trim();
            city.WorkingLanguages = [.. answers.List("languages")];
            city.RoleInterest = answers.Text("role") switch { "mentor" => CityRole.Mentor, "both" => CityRole.Both, _ => CityRole.Learning };
            city.AqmCapacity = [.. answers.List("aqm")];
            city.ConsentToPublish = answers.YesNo("consent") == true;
            city.AlternateContactName = answers.Text("altName")?.Trim();
            city.AlternateContactEmail = answers.Text("altEmail");
            city.Status = CityStatus.Pending;
            city.UpdatedAt = turn.Now;
        }

        var member = turn.Member;
        if (representative is null)
        {
            representative = db.Representatives.Add(new Representative { Name = "", Email = "", TimeZone = "", CreatedAt = turn.Now }).Entity;
        }
        representative.City = city;
        representative.Name = answers.Text("name")!.Trim();
        representative.Title = answers.Text("title")?.Trim();
        representative.Email = answers.Text("email")!;
        representative.Phone = answers.Text("phone");
        representative.PreferredLanguage = language;
        representative.TimeZone = join ? city.TimeZone : answers.Text("timeZone")!;
        representative.IsFocalPerson = !join;
        representative.Active = false;
        if (!representative.Identities.Any(i => i.ChannelId == member.ChannelId && i.UserId == member.UserId)
            && !await db.RepresentativeIdentities.AnyAsync(i => i.ChannelId == member.ChannelId && i.UserId == member.UserId, cancellationToken))
        {
            representative.Identities.Add(new RepresentativeIdentity { ChannelId = member.ChannelId, UserId = member.UserId, AadObjectId = member.AadObjectId });
        }

        var resubmitted = registration is not null;
        registration ??= db.Registrations.Add(new Domain.Registration()).Entity;
        registration.Kind = join ? RegistrationKind.JoinCity : RegistrationKind.NewCity;
        registration.City = city;
        registration.Representative = representative;
        registration.Status = ReviewStatus.Submitted;
        registration.SubmittedAt = turn.Now;
        registration.ReviewedBy = null;
        registration.ReviewedAt = null;
        registration.Reason = null;

        // The review card names the registration by id: the ids are generated now, in the turn's transaction.
        await TurnSave.SaveForIdsAsync(db, cancellationToken);
        Audit.Record(db, actor, turn.Now, resubmitted ? "registration.resubmitted" : "registration.submitted", nameof(Domain.Registration), registration.Id,
            AuditDetails.Of(("kind", registration.Kind.ToString()), ("cityId", city.Id.ToString(CultureInfo.InvariantCulture)), ("city", city.Name), ("country", city.CountryCode)));
        await reviews.RequestAsync(ReviewItem.Of(registration, city, representative), cancellationToken);

        return text.Format(language, join ? "Registration.Sent.Join" : resubmitted ? "Registration.Sent.Again" : "Registration.Sent.New", city.Name);
    }

    public static string RoleValue(CityRole role) => role switch { CityRole.Mentor => "mentor", CityRole.Both => "both", _ => "learning" };

    private Task<Domain.Registration?> LatestRegistrationAsync(int representativeId, CancellationToken cancellationToken) =>
        db.Registrations.AsNoTracking().Where(r => r.RepresentativeId == representativeId).OrderByDescending(r => r.SubmittedAt).FirstOrDefaultAsync(cancellationToken);

    private static bool IsUnderReview(IReadOnlyDictionary<string, CityStatus> known, string? name, string? country) =>
        name is not null && country is not null && known.TryGetValue(City.NormalizedKey(name, country), out var status) && status is CityStatus.Pending or CityStatus.Returned;

    /// <summary>The city typed (country + name) is already in CCAP with this status.</summary>
    private sealed record KnownCity(IReadOnlyDictionary<string, CityStatus> Known, CityStatus Status) : FieldCondition
    {
        public override bool Holds(FormAnswers answers) =>
            answers.Text("city") is { } name && answers.Text("country") is { } country
            && Known.TryGetValue(City.NormalizedKey(name, country), out var status) && status == Status;
    }
}

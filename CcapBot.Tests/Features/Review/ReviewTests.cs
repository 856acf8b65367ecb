using System.Text.Json;
using CcapBot.Domain;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Features.Registration;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Features.Review;

/// <summary>Who may decide, deciding once, returning with a reason and correcting, joining, withdrawing, granting the role.</summary>
public sealed class ReviewTests : IAsyncLifetime
{
    private BotWorld _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await BotWorld.StartAsync(new() { Coordinators = [People.CoordinatorAad] });

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BotConversation Coordinator() => _bot.Coordinator();
    private BotConversation SecondCoordinator() => _bot.Teams(People.SecondCoordinatorId, "Minh Coordinator", People.SecondCoordinatorAad);
    private BotConversation Outsider() => _bot.Teams(People.OutsiderId, "Someone Else", People.OutsiderAad);
    private BotConversation Representative(string id = "29:rep-hoa", string name = "Pham Thi Hoa") =>
        _bot.Teams(id, name, Guid.NewGuid().ToString());

    /// <summary>What can change when a decision is taken: statuses, audit, and everything the outbox was asked to send.</summary>
    private Task<string> SnapshotAsync() => _bot.QueryAsync(async db => JsonSerializer.Serialize(new
    {
        Cities = await db.Cities.AsNoTracking().Select(c => new { c.Id, c.Status }).ToListAsync(Ct),
        Representatives = await db.Representatives.AsNoTracking().Select(r => new { r.Id, r.Active }).ToListAsync(Ct),
        Registrations = await db.Registrations.AsNoTracking().Select(r => new { r.Id, r.Status, r.ReviewedBy, r.Reason }).ToListAsync(Ct),
        Applications = await db.Applications.AsNoTracking().Select(a => new { a.Id, a.Status, a.ReviewedBy }).ToListAsync(Ct),
        Audit = await db.AuditEntries.AsNoTracking().CountAsync(Ct),
        Outbox = await db.OutboxMessages.AsNoTracking().Select(m => m.IdempotencyKey).OrderBy(k => k).ToListAsync(Ct),
    }));

    [Fact]
    public async Task NonCoordinator_PressingApprove_IsRefusedPolitely_AndNothingChanges()
    {
        var coordinator = Coordinator();
        await coordinator.SayAsync("hi");
        var hoa = Representative();
        await hoa.RegisterAsync("Viet Nam", "Da Nang", "hoa@danang.gov.vn");
        var review = await coordinator.WaitForCardAsync("New city registration");
        await _bot.Connector.WaitForAsync(1, c => c.HasCardWith("New city registration"));
        var before = await SnapshotAsync();

        // The card forwarded to (or forged by) someone who is not a coordinator: Teams Action.Execute.
        var outsider = Outsider();
        var pressed = await outsider.PressAsync("Approve", card: review);
        // The applicant themself, as a web chat style submit with the card's data.
        var approve = review.Actions().First(a => (string?)a["verb"] == "review.approve");
        var submitted = await hoa.SubmitAsync(new { verb = "review.approve", subject = (string?)approve["data"]!["subject"], id = (int?)approve["data"]!["id"], round = (string?)approve["data"]!["round"] });

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)pressed.Invoke?["type"]);
        Assert.Contains("only Clean Air Asia coordinators can approve or return", pressed.All, StringComparison.Ordinal);
        Assert.Contains("only Clean Air Asia coordinators can approve or return", Assert.Single(submitted.Texts), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(2, _bot.Logs.Entries.Count(e => e.EventId == 7010));
        var registration = await _bot.QueryAsync(db => db.Registrations.SingleAsync(Ct));
        Assert.Equal(ReviewStatus.Submitted, registration.Status);
    }

    [Fact]
    public async Task SecondCoordinator_LateApprove_ChangesNothing_AndSaysWhoDecided()
    {
        var lan = Coordinator();
        await lan.SayAsync("hi");
        // Lan grants the role to Minh, who has talked to the bot too.
        var minh = SecondCoordinator();
        await minh.SayAsync("hi");
        var r = await lan.SayAsync("make coordinator");
        Assert.Contains("Who should become a coordinator?", r.All, StringComparison.Ordinal);
        r = await lan.SayAsync("minh@cleanairasia.org");
        Assert.Contains("That is not an id I can use", r.All, StringComparison.Ordinal); // emails cannot be verified
        r = await lan.SayAsync(People.SecondCoordinatorAad.ToUpperInvariant());
        r = await lan.PressAsync("Confirm", card: r.Cards.Last());
        Assert.Contains($"Done: {People.SecondCoordinatorAad} is now a coordinator.", r.All, StringComparison.Ordinal);
        var grant = await _bot.QueryAsync(db => db.CoordinatorGrants.SingleAsync(Ct));
        Assert.Equal(People.SecondCoordinatorAad, grant.Identity);
        Assert.StartsWith("Lan Coordinator", grant.GrantedBy, StringComparison.Ordinal);
        Assert.Contains(await _bot.QueryAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync(Ct)), a => a == "coordinator.granted");

        var hoa = Representative();
        await hoa.RegisterAsync("Viet Nam", "Da Nang", "hoa@danang.gov.vn");
        var lanCopy = await lan.WaitForCardAsync("New city registration");
        var minhCopy = await minh.WaitForCardAsync("New city registration");

        // Lan returns it with a reason; then Minh presses Approve on the copy he still has open.
        var returned = await lan.PressAsync("Return", new Dictionary<string, string> { ["reason"] = "Please name the responsible department in full." }, lanCopy);
        Assert.Contains("↩ Returned by Lan Coordinator", returned.InvokeCard.Text(), StringComparison.Ordinal);
        var before = await SnapshotAsync();
        var late = await minh.PressAsync("Approve", card: minhCopy);

        Assert.Contains("This was already decided, so nothing was changed: ↩ Returned by Lan Coordinator on", late.All, StringComparison.Ordinal);
        Assert.Contains("Please name the responsible department in full.", late.All, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        var registration = await _bot.QueryAsync(db => db.Registrations.SingleAsync(Ct));
        Assert.Equal((ReviewStatus.Returned, "Lan Coordinator"), (registration.Status, registration.ReviewedBy));
        Assert.Equal(CityStatus.Returned, (await _bot.QueryAsync(db => db.Cities.SingleAsync(Ct))).Status);
        // Both copies were replaced in place with the decision, so neither shows the buttons any more.
        foreach (var copy in new[] { lan, minh })
        {
            var update = CardReader.Card((await copy.WaitForAsync(1, "PUT"))[0]);
            Assert.Contains("↩ Returned by Lan Coordinator", update.Text(), StringComparison.Ordinal);
            Assert.Empty(update.Verbs());
        }
    }

    [Fact]
    public async Task ACoordinatorSeenOnlyInAGroupChat_GetsTheReviewCardInANewOneToOneChat_NeverInTheGroup()
    {
        // Lan has only spoken in a Teams group chat where the bot is: her Teams user id and tenant are known from it.
        var group = _bot.Chat(new Person(People.CoordinatorId, "19:c3-team-chat@thread.v2") { ConversationType = "groupChat", Name = "Lan Coordinator", AadObjectId = People.CoordinatorAad });
        await group.SayAsync("<at>CcapBot</at> hello");
        var hoa = Representative();
        await hoa.RegisterAsync("Viet Nam", "Quy Nhon", "hoa@quynhon.gov.vn");

        var created = await _bot.Connector.WaitForAsync(1, c => c.Method == "POST" && c.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        var parameters = JsonSerializer.Deserialize(created[0].Body, ProtocolJsonContext.Default.ConversationParameters)!;
        Assert.Equal(People.CoordinatorId, Assert.Single(parameters.Members!).Id);
        Assert.Equal("tenant-1", parameters.TenantId);
        var oneToOne = await _bot.Connector.WaitForAsync(1, c => c.Method == "POST" && c.HasCardWith("New city registration: Quy Nhon"));
        Assert.DoesNotContain(Uri.EscapeDataString(group.ConversationId), oneToOne[0].Path, StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Connector.Calls, c => c.Path.Contains(Uri.EscapeDataString(group.ConversationId), StringComparison.Ordinal) && c.HasCardWith("New city registration"));

        // Decided from that new chat, the copy there is updated in place.
        var conversationId = Uri.UnescapeDataString(oneToOne[0].Path.Split('/')[^2]);
        var lan = _bot.Chat(new Person(People.CoordinatorId, conversationId) { Name = "Lan Coordinator", AadObjectId = People.CoordinatorAad });
        await lan.PressAsync("Approve", card: oneToOne[0].Card());
        var update = await _bot.Connector.WaitForAsync(1, c => c.Method == "PUT" && c.Path.Contains(Uri.EscapeDataString(conversationId), StringComparison.Ordinal));
        Assert.Contains("✔ Approved by Lan Coordinator", update[0].Card().Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoCoordinators_ApprovingAtTheSameMoment_OneDecisionWins()
    {
        var lan = Coordinator();
        await lan.SayAsync("hi");
        var minh = SecondCoordinator();
        await minh.SayAsync("hi");
        await lan.SayAsync("make coordinator");
        var r = await lan.SayAsync(People.SecondCoordinatorAad);
        await lan.PressAsync("Confirm", card: r.Cards.Last());
        var hoa = Representative();
        await hoa.RegisterAsync("Viet Nam", "Vinh", "hoa@vinh.gov.vn");
        var lanCopy = await lan.WaitForCardAsync("New city registration");
        var minhCopy = await minh.WaitForCardAsync("New city registration");

        var both = await Task.WhenAll(lan.PressAsync("Approve", card: lanCopy), minh.PressAsync("Return", new Dictionary<string, string> { ["reason"] = "Too early." }, minhCopy));

        var decided = both.Count(b => b.InvokeCard is not null);
        var refused = both.Count(b => b.All.Contains("This was already decided, so nothing was changed", StringComparison.Ordinal));
        Assert.Equal((1, 1), (decided, refused));
        var registration = await _bot.QueryAsync(db => db.Registrations.SingleAsync(Ct));
        Assert.NotEqual(ReviewStatus.Submitted, registration.Status);
        Assert.Single(await _bot.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "registration.approved" || a.Action == "registration.returned").ToListAsync(Ct)));
        Assert.Single(await _bot.QueryAsync(db => db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith("review-outcome:")).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Return_NeedsAReason_AndTheReturnedRegistrationReopensPrefilled_ForResubmission()
    {
        var lan = Coordinator();
        await lan.SayAsync("hi");
        var hoa = Representative();
        await hoa.RegisterAsync("Viet Nam", "Da Nang", "hoa@danang.gov.vn", agency: "DoNRE");
        var review = await lan.WaitForCardAsync("New city registration");

        var noReason = await lan.PressAsync("Return", new Dictionary<string, string> { ["reason"] = "  " }, review);
        Assert.Contains("Please give a reason", noReason.All, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Submitted, (await _bot.QueryAsync(db => db.Registrations.SingleAsync(Ct))).Status);

        await lan.PressAsync("Return", new Dictionary<string, string> { ["reason"] = "Please write the agency's full name." }, review);
        var outcome = await hoa.WaitForCardAsync("Registration returned");
        Assert.Contains("Please write the agency's full name.", outcome.Text(), StringComparison.Ordinal);

        // "Edit and resubmit" opens the form with every answer kept, at the summary.
        var reopened = await hoa.PressAsync("Edit and resubmit", card: outcome);
        Assert.Contains("Here is your City registration.", reopened.All, StringComparison.Ordinal);
        var summary = reopened.InvokeCard is { } c && c.Text().Contains("Confirm", StringComparison.Ordinal) ? c : reopened.Cards.Last();
        Assert.Contains("hoa@danang.gov.vn", summary.Text(), StringComparison.Ordinal);
        var agencyEdit = summary.Actions().First(a => (string?)a["data"]?["field"] == "agency");
        var r = await hoa.PressAsync(agencyEdit, summary);
        r = await hoa.SayAsync("Da Nang Department of Natural Resources and Environment");
        Assert.Contains("Please check your answers.", r.All, StringComparison.Ordinal);
        r = await hoa.PressAsync("Confirm", card: r.Cards.Last());
        Assert.Contains("The corrected registration of Da Nang was sent to the coordinators again.", r.All, StringComparison.Ordinal);

        var registration = await _bot.QueryAsync(db => db.Registrations.SingleAsync(Ct));
        Assert.Equal((ReviewStatus.Submitted, (string?)null, (string?)null), (registration.Status, registration.ReviewedBy, registration.Reason));
        var city = await _bot.QueryAsync(db => db.Cities.SingleAsync(Ct));
        Assert.Equal((CityStatus.Pending, "Da Nang Department of Natural Resources and Environment"), (city.Status, city.Agency));
        Assert.Equal(1, await _bot.QueryAsync(db => db.Representatives.CountAsync(Ct)));

        // A new round: a new card; a button of the old round's card no longer counts.
        var second = await lan.WaitForCardAsync("Da Nang Department of Natural Resources and Environment");
        var stale = await lan.PressAsync("Approve", card: review);
        Assert.Contains("This card is out of date", stale.All, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Submitted, (await _bot.QueryAsync(db => db.Registrations.SingleAsync(Ct))).Status);
        await lan.PressAsync("Approve", card: second);
        Assert.Equal(CityStatus.Approved, (await _bot.QueryAsync(db => db.Cities.SingleAsync(Ct))).Status);
        Assert.Equal(["registration.submitted", "registration.returned", "registration.resubmitted", "registration.approved"],
            await _bot.QueryAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct)));
    }

    [Fact]
    public async Task AReturnedApplication_IsCorrectedInPlace_FromItsOutcomeCard()
    {
        var lan = Coordinator();
        await lan.SayAsync("hi");
        var hoa = Representative();
        await hoa.RegisterAsync("Viet Nam", "Nha Trang", "hoa@nhatrang.gov.vn");
        await lan.PressAsync("Approve", card: await lan.WaitForCardAsync("New city registration"));
        await hoa.ApplyAsync();
        var review = await lan.WaitForCardAsync("C3 learning request");
        await lan.PressAsync("Return", new Dictionary<string, string> { ["reason"] = "Please add the port operations area." }, review);

        var outcome = await hoa.WaitForCardAsync("Application returned");
        Assert.Contains("Please add the port operations area.", outcome.Text(), StringComparison.Ordinal);
        var resubmit = outcome.Actions().Single();
        Assert.Equal(("apply", 1), ((string?)resubmit["data"]?["command"], (int?)resubmit["data"]?["resubmit"]));

        var reopened = await hoa.PressAsync("Edit and resubmit", card: outcome);
        var summary = reopened.Cards.Last();
        Assert.Contains("Correction of no. 1: learning request (Developing an emissions inventory)", summary.Text(), StringComparison.Ordinal);
        var edit = summary.Actions().First(a => (string?)a["data"]?["field"] == "categories");
        await hoa.PressAsync(edit, summary);
        var r = await hoa.SayAsync("Developing an emissions inventory, Reducing emissions from port operations");
        summary = r.Cards.Last(); // back to the summary: the specific actions are optional, edited on their own
        await hoa.PressAsync(summary.Actions().First(a => (string?)a["data"]?["field"] == "actions"), summary);
        r = await hoa.SayAsync("Define scope, Port emissions inventory by sector");
        r = await hoa.PressAsync("Confirm", card: r.Cards.Last());
        Assert.Contains("The corrected learning request of Nha Trang (no. 1) was sent to the coordinators again.", r.All, StringComparison.Ordinal);

        var application = await _bot.QueryAsync(db => db.Applications.SingleAsync(Ct));
        Assert.Equal((1, ReviewStatus.Submitted, (string?)null), (application.Id, application.Status, application.Reason));
        Assert.Equal(["emissions-inventory", "port-operations"], application.Categories.Order());
        Assert.Equal([301, 401], application.SpecificActions.Order());
        Assert.Contains("application.resubmitted", await _bot.QueryAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync(Ct)));
        Assert.Contains("Port emissions inventory by sector", CardReader.Text(await lan.WaitForCardAsync("Port emissions inventory by sector")), StringComparison.Ordinal);

        // Returned again, a new application asks first whether it corrects the returned one.
        await lan.PressAsync("Return", new Dictionary<string, string> { ["reason"] = "Dates, please." }, await lan.WaitForCardAsync("Port emissions inventory by sector"));
        r = await hoa.SayAsync("apply");
        Assert.Contains("Is this a correction of an application that was returned to you, or a new application?", r.All, StringComparison.Ordinal);
        r = await hoa.SayAsync("A new application");
        Assert.Contains("Is the city asking for a mentor city", r.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameCity_IsOfferedToJoin_WhenApproved_AndRefused_WhileUnderReview()
    {
        var lan = Coordinator();
        await lan.SayAsync("hi");
        var hoa = Representative();
        await hoa.RegisterAsync("Viet Nam", "Đà Nẵng", "hoa@danang.gov.vn");

        // Under review: another person cannot register it again (spelled differently, same city).
        var tuan = Representative("29:rep-tuan", "Le Van Tuan");
        await tuan.SayAsync("register");
        await tuan.SayAsync("Vietnam");
        var r = await tuan.SayAsync("Da Nang");
        Assert.Contains("already registered with CCAP and its registration is waiting for a coordinator's review", r.All, StringComparison.Ordinal);
        await tuan.SayAsync("cancel");
        await tuan.SayAsync("yes");

        await lan.PressAsync("Approve", card: await lan.WaitForCardAsync("New city registration"));

        // Approved: offered to join; "no" is not a way to register it twice.
        await tuan.SayAsync("register");
        await tuan.SayAsync("Vietnam");
        r = await tuan.SayAsync("da nang");
        Assert.Contains("Would you like to join it as another representative of the city?", r.All, StringComparison.Ordinal);
        r = await tuan.SayAsync("no");
        Assert.Contains("A city can only be registered once.", r.All, StringComparison.Ordinal);
        r = await tuan.SayAsync("yes");
        Assert.Contains("What is your full name?", r.All, StringComparison.Ordinal); // no city questions when joining
        await tuan.SayAsync("Le Van Tuan");
        await tuan.SayAsync("Officer");
        await tuan.SayAsync("tuan@danang.gov.vn");
        r = await tuan.SayAsync("skip");
        Assert.Contains("Please check your answers.", r.All, StringComparison.Ordinal);
        r = await tuan.PressAsync("Confirm", card: r.Cards.Last());
        Assert.Contains("Your request to join Đà Nẵng as a representative was sent", r.All, StringComparison.Ordinal);

        var join = await _bot.QueryAsync(db => db.Registrations.Include(x => x.Representative).SingleAsync(x => x.Kind == RegistrationKind.JoinCity, Ct));
        var city = await _bot.QueryAsync(db => db.Cities.SingleAsync(Ct));
        Assert.Equal((city.Id, false, false, "Asia/Ho_Chi_Minh"), (join.CityId, join.Representative!.Active, join.Representative.IsFocalPerson, join.Representative.TimeZone));
        var review = await lan.WaitForCardAsync("asks to join");
        Assert.Contains("Le Van Tuan asks to join Đà Nẵng, Vietnam as a representative", review.Text(), StringComparison.Ordinal);
        await lan.PressAsync("Approve", card: review);
        Assert.True((await _bot.QueryAsync(db => db.Representatives.SingleAsync(x => x.Id == join.RepresentativeId, Ct))).Active);
        var welcome = await tuan.WaitForCardAsync("Registration approved");
        Assert.Contains("Lan Coordinator approved you as a representative of Đà Nẵng", welcome.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyApprovedCities_Apply_AndAnOpenApplicationCanBeWithdrawn()
    {
        var lan = Coordinator();
        await lan.SayAsync("hi");
        var hoa = Representative();
        var r = await hoa.SayAsync("apply");
        Assert.Contains("Only representatives of cities registered with CCAP can do this.", r.All, StringComparison.Ordinal);
        await hoa.RegisterAsync("Viet Nam", "Hue", "hoa@hue.gov.vn");
        r = await hoa.SayAsync("apply");
        Assert.Contains("Only representatives of approved cities can apply. The registration of Hue is not approved yet", r.All, StringComparison.Ordinal);
        r = await hoa.SayAsync("withdraw");
        Assert.Contains("Only representatives of cities registered", r.All, StringComparison.Ordinal);

        await lan.PressAsync("Approve", card: await lan.WaitForCardAsync("New city registration"));
        await hoa.ApplyAsync();
        var review = await lan.WaitForCardAsync("C3 learning request");

        r = await hoa.SayAsync("withdraw");
        Assert.Contains("No. 1: learning request (Developing an emissions inventory), waiting for review", r.All, StringComparison.Ordinal);
        r = await hoa.PressAsync("Confirm", card: r.Cards.Last());
        Assert.Contains("Application no. 1 was withdrawn.", r.All, StringComparison.Ordinal);
        var application = await _bot.QueryAsync(db => db.Applications.SingleAsync(Ct));
        Assert.Equal((ReviewStatus.Withdrawn, "Pham Thi Hoa"), (application.Status, application.ReviewedBy));
        var update = await _bot.Connector.WaitForAsync(1, c => c.Method == "PUT" && c.HasCardWith("Withdrawn by the applicant"));
        Assert.Empty(update[0].Card().Verbs());

        // Nothing left to withdraw; and the coordinator's old card cannot decide it any more.
        r = await hoa.SayAsync("withdraw");
        Assert.Contains("Your city has no open application to withdraw.", r.All, StringComparison.Ordinal);
        var late = await lan.PressAsync("Approve", card: review);
        Assert.Contains("This was already decided, so nothing was changed: Withdrawn by the applicant (Pham Thi Hoa)", late.All, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Withdrawn, (await _bot.QueryAsync(db => db.Applications.SingleAsync(Ct))).Status);
    }

    [Fact]
    public async Task ACoordinatorWhoWasNotReachable_CatchesUpWithReviews_AndOthersCannot()
    {
        var hoa = Representative();
        await hoa.RegisterAsync("Viet Nam", "Can Tho", "hoa@cantho.gov.vn");
        Assert.Contains(_bot.Logs.Entries, e => e.EventId == 7002); // nobody to send the review card to yet

        var outsider = Outsider();
        var refused = await outsider.SayAsync("reviews");
        Assert.Contains("only Clean Air Asia coordinators", Assert.Single(refused.Texts), StringComparison.Ordinal);
        Assert.Empty(await _bot.QueryAsync(db => db.OutboxMessages.Where(m => m.Topic!.StartsWith("review:")).ToListAsync(Ct)));

        var lan = Coordinator();
        var r = await lan.SayAsync("reviews");
        Assert.Contains("1 waiting for review", r.All, StringComparison.Ordinal);
        var review = await lan.WaitForCardAsync("New city registration: Can Tho, Vietnam");
        await lan.PressAsync("Approve", card: review);
        Assert.Equal(ReviewStatus.Approved, (await _bot.QueryAsync(db => db.Registrations.SingleAsync(Ct))).Status);
        r = await lan.SayAsync("reviews");
        Assert.Contains("Nothing is waiting for review.", r.All, StringComparison.Ordinal);
        r = await outsider.SayAsync("make coordinator");
        Assert.Contains("Only Clean Air Asia coordinators can grant the coordinator role.", r.All, StringComparison.Ordinal);
        Assert.Equal(0, await _bot.QueryAsync(db => db.CoordinatorGrants.CountAsync(Ct)));
        Assert.Equal(Channels.MsTeams, (await _bot.QueryAsync(db => db.RepresentativeIdentities.SingleAsync(Ct))).ChannelId);
    }
}

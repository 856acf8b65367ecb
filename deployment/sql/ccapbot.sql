IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [ActionCategories] (
        [Code] nvarchar(64) NOT NULL,
        [NameEn] nvarchar(400) NOT NULL,
        [NameVi] nvarchar(400) NOT NULL,
        [SortOrder] int NOT NULL,
        [Active] bit NOT NULL,
        CONSTRAINT [PK_ActionCategories] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [At] datetimeoffset NOT NULL,
        [Actor] nvarchar(400) NOT NULL,
        [ActorName] nvarchar(400) NULL,
        [Action] nvarchar(400) NOT NULL,
        [EntityType] nvarchar(400) NOT NULL,
        [EntityId] nvarchar(400) NOT NULL,
        [Details] nvarchar(4000) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [Cities] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        [CountryCode] nvarchar(2) NOT NULL,
        [Region] nvarchar(400) NULL,
        [TimeZone] nvarchar(64) NOT NULL,
        [Population] int NULL,
        [Agency] nvarchar(400) NOT NULL,
        [WorkingLanguages] nvarchar(max) NOT NULL,
        [RoleInterest] nvarchar(20) NOT NULL,
        [AqmCapacity] nvarchar(max) NOT NULL,
        [ConsentToPublish] bit NOT NULL,
        [AlternateContactName] nvarchar(400) NULL,
        [AlternateContactEmail] nvarchar(400) NULL,
        [Status] nvarchar(20) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Cities] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [ConversationMembers] (
        [ChannelId] nvarchar(256) NOT NULL,
        [ConversationId] nvarchar(256) NOT NULL,
        [UserId] nvarchar(256) NOT NULL,
        [UserName] nvarchar(400) NULL,
        [AadObjectId] nvarchar(400) NULL,
        [ServiceUrl] nvarchar(1000) NOT NULL,
        [BotId] nvarchar(400) NOT NULL,
        [BotName] nvarchar(400) NULL,
        [TenantId] nvarchar(400) NULL,
        [ConversationType] nvarchar(400) NULL,
        [IsGroup] bit NOT NULL,
        [ClientLocale] nvarchar(400) NULL,
        [ClientTimeZone] nvarchar(400) NULL,
        [Language] nvarchar(10) NULL,
        [TimeZone] nvarchar(64) NULL,
        [Active] bit NOT NULL,
        [FirstSeenAt] datetimeoffset NOT NULL,
        [LastSeenAt] datetimeoffset NOT NULL,
        [WelcomedAt] datetimeoffset NULL,
        [DialogState] nvarchar(max) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ConversationMembers] PRIMARY KEY ([ChannelId], [ConversationId], [UserId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [CoordinatorGrants] (
        [Id] int NOT NULL IDENTITY,
        [Identity] nvarchar(256) NOT NULL,
        [GrantedBy] nvarchar(400) NOT NULL,
        [GrantedAt] datetimeoffset NOT NULL,
        [RevokedAt] datetimeoffset NULL,
        CONSTRAINT [PK_CoordinatorGrants] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [DirectLineActivities] (
        [Sequence] bigint NOT NULL IDENTITY,
        [ConversationId] nvarchar(400) NOT NULL,
        [ActivityId] nvarchar(400) NOT NULL,
        [Json] nvarchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_DirectLineActivities] PRIMARY KEY ([Sequence])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [DirectLineConversations] (
        [Id] nvarchar(256) NOT NULL,
        [UserId] nvarchar(400) NOT NULL,
        [UserName] nvarchar(400) NULL,
        [Locale] nvarchar(400) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [StartedAt] datetimeoffset NULL,
        [LastActivityAt] datetimeoffset NULL,
        CONSTRAINT [PK_DirectLineConversations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [OutboxMessages] (
        [Id] bigint NOT NULL IDENTITY,
        [IdempotencyKey] nvarchar(400) NOT NULL,
        [ChannelId] nvarchar(256) NOT NULL,
        [ServiceUrl] nvarchar(1000) NOT NULL,
        [BotId] nvarchar(400) NOT NULL,
        [ConversationId] nvarchar(256) NULL,
        [UserId] nvarchar(400) NULL,
        [TenantId] nvarchar(400) NULL,
        [Activity] nvarchar(max) NOT NULL,
        [UpdateActivityId] nvarchar(400) NULL,
        [UpdateOfKey] nvarchar(400) NULL,
        [Status] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [DueAt] datetimeoffset NOT NULL,
        [Attempts] int NOT NULL,
        [LeaseOwner] nvarchar(400) NULL,
        [LeaseUntil] datetimeoffset NULL,
        [SentAt] datetimeoffset NULL,
        [SentActivityId] nvarchar(400) NULL,
        [LastError] nvarchar(2000) NULL,
        [Topic] nvarchar(400) NULL,
        CONSTRAINT [PK_OutboxMessages] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [PendingStatusUpdates] (
        [ChannelId] nvarchar(256) NOT NULL,
        [ConversationId] nvarchar(256) NOT NULL,
        [UserId] nvarchar(256) NOT NULL,
        [Token] nvarchar(32) NOT NULL,
        [Proposal] nvarchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PendingStatusUpdates] PRIMARY KEY ([ChannelId], [ConversationId], [UserId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [ProcessedActivities] (
        [ChannelId] nvarchar(256) NOT NULL,
        [ConversationId] nvarchar(256) NOT NULL,
        [ActivityId] nvarchar(256) NOT NULL,
        [ProcessedAt] datetimeoffset NOT NULL,
        [InvokeStatus] int NULL,
        [InvokeBody] nvarchar(max) NULL,
        CONSTRAINT [PK_ProcessedActivities] PRIMARY KEY ([ChannelId], [ConversationId], [ActivityId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [ReminderSnoozes] (
        [Id] bigint NOT NULL IDENTITY,
        [ChannelId] nvarchar(256) NOT NULL,
        [UserId] nvarchar(256) NOT NULL,
        [Subject] nvarchar(128) NOT NULL,
        [Until] datetimeoffset NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ReminderSnoozes] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [SchedulerCursors] (
        [Name] nvarchar(64) NOT NULL,
        [TickedUntil] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_SchedulerCursors] PRIMARY KEY ([Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [UserProfiles] (
        [ChannelId] nvarchar(256) NOT NULL,
        [UserId] nvarchar(256) NOT NULL,
        [DisplayName] nvarchar(80) NOT NULL,
        [Email] nvarchar(254) NOT NULL,
        [Language] nvarchar(10) NOT NULL,
        [TimeZone] nvarchar(64) NOT NULL,
        [WorkStart] time NOT NULL,
        [WorkEnd] time NOT NULL,
        [AwayUntil] date NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_UserProfiles] PRIMARY KEY ([ChannelId], [UserId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [ActionListTemplates] (
        [Id] int NOT NULL IDENTITY,
        [CategoryCode] nvarchar(64) NOT NULL,
        [TitleEn] nvarchar(400) NOT NULL,
        [TitleVi] nvarchar(400) NOT NULL,
        [Reviewed] bit NOT NULL,
        CONSTRAINT [PK_ActionListTemplates] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ActionListTemplates_ActionCategories_CategoryCode] FOREIGN KEY ([CategoryCode]) REFERENCES [ActionCategories] ([Code]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [Partnerships] (
        [Id] int NOT NULL IDENTITY,
        [Purpose] nvarchar(1000) NOT NULL,
        [CategoryCode] nvarchar(64) NOT NULL,
        [Status] nvarchar(24) NOT NULL,
        [CompletionDate] date NULL,
        [CheckInCadenceDays] int NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [ConfirmedAt] datetimeoffset NULL,
        [ActivatedAt] datetimeoffset NULL,
        [EndedAt] datetimeoffset NULL,
        [EndReason] nvarchar(2000) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Partnerships] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Partnerships_ActionCategories_CategoryCode] FOREIGN KEY ([CategoryCode]) REFERENCES [ActionCategories] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [Applications] (
        [Id] int NOT NULL IDENTITY,
        [CityId] int NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Categories] nvarchar(max) NOT NULL,
        [SpecificActions] nvarchar(max) NOT NULL,
        [OtherNeeds] nvarchar(2000) NULL,
        [PeriodStart] date NOT NULL,
        [PeriodEnd] date NOT NULL,
        [WaysOfWorking] nvarchar(max) NOT NULL,
        [Contributions] nvarchar(max) NOT NULL,
        [StaffHoursPerMonth] int NULL,
        [Constraints] nvarchar(2000) NULL,
        [Capacity] int NULL,
        [Status] nvarchar(20) NOT NULL,
        [SubmittedByRepresentativeId] int NOT NULL,
        [SubmittedAt] datetimeoffset NOT NULL,
        [ReviewedBy] nvarchar(400) NULL,
        [ReviewedAt] datetimeoffset NULL,
        [Reason] nvarchar(2000) NULL,
        CONSTRAINT [PK_Applications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Applications_Cities_CityId] FOREIGN KEY ([CityId]) REFERENCES [Cities] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [Representatives] (
        [Id] int NOT NULL IDENTITY,
        [CityId] int NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Title] nvarchar(400) NULL,
        [Email] nvarchar(254) NOT NULL,
        [Phone] nvarchar(400) NULL,
        [PreferredLanguage] nvarchar(10) NOT NULL,
        [TimeZone] nvarchar(64) NOT NULL,
        [IsFocalPerson] bit NOT NULL,
        [Active] bit NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Representatives] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Representatives_Cities_CityId] FOREIGN KEY ([CityId]) REFERENCES [Cities] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [TemplateActivities] (
        [Id] int NOT NULL IDENTITY,
        [TemplateId] int NOT NULL,
        [Order] int NOT NULL,
        [TitleEn] nvarchar(400) NOT NULL,
        [TitleVi] nvarchar(400) NOT NULL,
        [DescriptionEn] nvarchar(1000) NULL,
        [DescriptionVi] nvarchar(1000) NULL,
        CONSTRAINT [PK_TemplateActivities] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TemplateActivities_ActionListTemplates_TemplateId] FOREIGN KEY ([TemplateId]) REFERENCES [ActionListTemplates] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [ActionListVersions] (
        [Id] int NOT NULL IDENTITY,
        [PartnershipId] int NOT NULL,
        [Number] int NOT NULL,
        [ProposedBy] nvarchar(256) NOT NULL,
        [ProposedByCityId] int NULL,
        [ProposedAt] datetimeoffset NOT NULL,
        [CompletionDate] date NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [AgreedAt] datetimeoffset NULL,
        [SupersededAt] datetimeoffset NULL,
        CONSTRAINT [PK_ActionListVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ActionListVersions_Cities_ProposedByCityId] FOREIGN KEY ([ProposedByCityId]) REFERENCES [Cities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ActionListVersions_Partnerships_PartnershipId] FOREIGN KEY ([PartnershipId]) REFERENCES [Partnerships] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [LaunchMeetings] (
        [Id] int NOT NULL IDENTITY,
        [PartnershipId] int NOT NULL,
        [Number] int NOT NULL,
        [StartsAt] datetimeoffset NOT NULL,
        [DurationMinutes] int NOT NULL,
        [JoinLink] nvarchar(1000) NULL,
        [Agenda] nvarchar(2000) NULL,
        [OrganiserTimeZone] nvarchar(64) NOT NULL,
        [OrganisedBy] nvarchar(256) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Revision] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_LaunchMeetings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LaunchMeetings_Partnerships_PartnershipId] FOREIGN KEY ([PartnershipId]) REFERENCES [Partnerships] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [MatchSuggestions] (
        [Id] int NOT NULL IDENTITY,
        [LearningApplicationId] int NOT NULL,
        [CandidateCityId] int NOT NULL,
        [MentorApplicationId] int NULL,
        [Score] float NOT NULL,
        [Rank] int NOT NULL,
        [Breakdown] nvarchar(max) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Reason] nvarchar(2000) NULL,
        [DecidedBy] nvarchar(256) NULL,
        [DecidedAt] datetimeoffset NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [PartnershipId] int NULL,
        CONSTRAINT [PK_MatchSuggestions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MatchSuggestions_Applications_LearningApplicationId] FOREIGN KEY ([LearningApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_MatchSuggestions_Applications_MentorApplicationId] FOREIGN KEY ([MentorApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_MatchSuggestions_Cities_CandidateCityId] FOREIGN KEY ([CandidateCityId]) REFERENCES [Cities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_MatchSuggestions_Partnerships_PartnershipId] FOREIGN KEY ([PartnershipId]) REFERENCES [Partnerships] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [PartnershipCities] (
        [PartnershipId] int NOT NULL,
        [CityId] int NOT NULL,
        [Role] nvarchar(20) NOT NULL,
        [ApplicationId] int NULL,
        CONSTRAINT [PK_PartnershipCities] PRIMARY KEY ([PartnershipId], [CityId]),
        CONSTRAINT [FK_PartnershipCities_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PartnershipCities_Cities_CityId] FOREIGN KEY ([CityId]) REFERENCES [Cities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PartnershipCities_Partnerships_PartnershipId] FOREIGN KEY ([PartnershipId]) REFERENCES [Partnerships] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [PartnershipResults] (
        [Id] int NOT NULL IDENTITY,
        [PartnershipId] int NOT NULL,
        [CityId] int NOT NULL,
        [Summary] nvarchar(4000) NOT NULL,
        [Lessons] nvarchar(4000) NULL,
        [Links] nvarchar(max) NOT NULL,
        [ConsentToPublish] bit NOT NULL,
        [RepresentativeId] int NULL,
        [RecordedBy] nvarchar(256) NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PartnershipResults] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PartnershipResults_Cities_CityId] FOREIGN KEY ([CityId]) REFERENCES [Cities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PartnershipResults_Partnerships_PartnershipId] FOREIGN KEY ([PartnershipId]) REFERENCES [Partnerships] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PartnershipResults_Representatives_RepresentativeId] FOREIGN KEY ([RepresentativeId]) REFERENCES [Representatives] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [Registrations] (
        [Id] int NOT NULL IDENTITY,
        [Kind] nvarchar(20) NOT NULL,
        [CityId] int NOT NULL,
        [RepresentativeId] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [SubmittedAt] datetimeoffset NOT NULL,
        [ReviewedBy] nvarchar(400) NULL,
        [ReviewedAt] datetimeoffset NULL,
        [Reason] nvarchar(2000) NULL,
        CONSTRAINT [PK_Registrations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Registrations_Cities_CityId] FOREIGN KEY ([CityId]) REFERENCES [Cities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Registrations_Representatives_RepresentativeId] FOREIGN KEY ([RepresentativeId]) REFERENCES [Representatives] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [RepresentativeIdentities] (
        [Id] int NOT NULL IDENTITY,
        [RepresentativeId] int NOT NULL,
        [ChannelId] nvarchar(64) NOT NULL,
        [UserId] nvarchar(256) NOT NULL,
        [AadObjectId] nvarchar(400) NULL,
        CONSTRAINT [PK_RepresentativeIdentities] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RepresentativeIdentities_Representatives_RepresentativeId] FOREIGN KEY ([RepresentativeId]) REFERENCES [Representatives] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [PartnershipActivities] (
        [Id] int NOT NULL IDENTITY,
        [PartnershipId] int NOT NULL,
        [Number] int NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Description] nvarchar(1000) NULL,
        [OwnerCityId] int NOT NULL,
        [DueDate] date NOT NULL,
        [TemplateActivityId] int NULL,
        [Status] nvarchar(20) NOT NULL,
        [LastNote] nvarchar(1000) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [RemovedAt] datetimeoffset NULL,
        CONSTRAINT [PK_PartnershipActivities] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PartnershipActivities_Cities_OwnerCityId] FOREIGN KEY ([OwnerCityId]) REFERENCES [Cities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PartnershipActivities_Partnerships_PartnershipId] FOREIGN KEY ([PartnershipId]) REFERENCES [Partnerships] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_PartnershipActivities_TemplateActivities_TemplateActivityId] FOREIGN KEY ([TemplateActivityId]) REFERENCES [TemplateActivities] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [ActionListAgreement] (
        [Id] int NOT NULL IDENTITY,
        [VersionId] int NOT NULL,
        [CityId] int NOT NULL,
        [RepresentativeId] int NOT NULL,
        [AgreedBy] nvarchar(256) NOT NULL,
        [AgreedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ActionListAgreement] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ActionListAgreement_ActionListVersions_VersionId] FOREIGN KEY ([VersionId]) REFERENCES [ActionListVersions] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ActionListAgreement_Cities_CityId] FOREIGN KEY ([CityId]) REFERENCES [Cities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ActionListAgreement_Representatives_RepresentativeId] FOREIGN KEY ([RepresentativeId]) REFERENCES [Representatives] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [MeetingRsvps] (
        [Id] int NOT NULL IDENTITY,
        [LaunchMeetingId] int NOT NULL,
        [Revision] int NOT NULL,
        [RepresentativeId] int NOT NULL,
        [CityId] int NOT NULL,
        [Response] nvarchar(20) NOT NULL,
        [ProposedStartsAt] datetimeoffset NULL,
        [RespondedBy] nvarchar(256) NOT NULL,
        [At] datetimeoffset NOT NULL,
        CONSTRAINT [PK_MeetingRsvps] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MeetingRsvps_Cities_CityId] FOREIGN KEY ([CityId]) REFERENCES [Cities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_MeetingRsvps_LaunchMeetings_LaunchMeetingId] FOREIGN KEY ([LaunchMeetingId]) REFERENCES [LaunchMeetings] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_MeetingRsvps_Representatives_RepresentativeId] FOREIGN KEY ([RepresentativeId]) REFERENCES [Representatives] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [ActionListItem] (
        [Id] int NOT NULL IDENTITY,
        [VersionId] int NOT NULL,
        [Number] int NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Description] nvarchar(1000) NULL,
        [OwnerCityId] int NOT NULL,
        [DueDate] date NOT NULL,
        [TemplateActivityId] int NULL,
        [RevisesActivityId] int NULL,
        CONSTRAINT [PK_ActionListItem] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ActionListItem_ActionListVersions_VersionId] FOREIGN KEY ([VersionId]) REFERENCES [ActionListVersions] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ActionListItem_Cities_OwnerCityId] FOREIGN KEY ([OwnerCityId]) REFERENCES [Cities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ActionListItem_PartnershipActivities_RevisesActivityId] FOREIGN KEY ([RevisesActivityId]) REFERENCES [PartnershipActivities] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ActionListItem_TemplateActivities_TemplateActivityId] FOREIGN KEY ([TemplateActivityId]) REFERENCES [TemplateActivities] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE TABLE [ActivityUpdates] (
        [Id] bigint NOT NULL IDENTITY,
        [ActivityId] int NOT NULL,
        [At] datetimeoffset NOT NULL,
        [By] nvarchar(256) NOT NULL,
        [RepresentativeId] int NULL,
        [ByCoordinator] bit NOT NULL,
        [FromStatus] nvarchar(20) NOT NULL,
        [ToStatus] nvarchar(20) NOT NULL,
        [Note] nvarchar(1000) NULL,
        [Channel] nvarchar(64) NOT NULL,
        CONSTRAINT [PK_ActivityUpdates] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ActivityUpdates_PartnershipActivities_ActivityId] FOREIGN KEY ([ActivityId]) REFERENCES [PartnershipActivities] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ActivityUpdates_Representatives_RepresentativeId] FOREIGN KEY ([RepresentativeId]) REFERENCES [Representatives] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Code', N'Active', N'NameEn', N'NameVi', N'SortOrder') AND [object_id] = OBJECT_ID(N'[ActionCategories]'))
        SET IDENTITY_INSERT [ActionCategories] ON;
    EXEC(N'INSERT INTO [ActionCategories] ([Code], [Active], [NameEn], [NameVi], [SortOrder])
    VALUES (N''bike-sharing'', CAST(1 AS bit), N''Public bike-sharing'', N''Xe đạp công cộng'', 2),
    (N''commercial-cooking'', CAST(1 AS bit), N''Reducing emissions from commercial cooking and grilling'', N''Giảm phát thải từ nấu nướng và nướng thực phẩm thương mại'', 1),
    (N''emissions-inventory'', CAST(1 AS bit), N''Developing an emissions inventory'', N''Xây dựng kiểm kê phát thải'', 4),
    (N''low-emission-development'', CAST(1 AS bit), N''Low-emission urban development'', N''Phát triển đô thị phát thải thấp'', 5),
    (N''other'', CAST(1 AS bit), N''Other'', N''Khác'', 99),
    (N''port-operations'', CAST(1 AS bit), N''Reducing emissions from port operations'', N''Giảm phát thải từ hoạt động cảng'', 3)');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Code', N'Active', N'NameEn', N'NameVi', N'SortOrder') AND [object_id] = OBJECT_ID(N'[ActionCategories]'))
        SET IDENTITY_INSERT [ActionCategories] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'CategoryCode', N'Reviewed', N'TitleEn', N'TitleVi') AND [object_id] = OBJECT_ID(N'[ActionListTemplates]'))
        SET IDENTITY_INSERT [ActionListTemplates] ON;
    EXEC(N'INSERT INTO [ActionListTemplates] ([Id], [CategoryCode], [Reviewed], [TitleEn], [TitleVi])
    VALUES (1, N''commercial-cooking'', CAST(1 AS bit), N''Reducing emissions from commercial cooking and grilling'', N''Giảm phát thải từ nấu nướng và nướng thực phẩm thương mại''),
    (2, N''bike-sharing'', CAST(1 AS bit), N''Public bike-sharing'', N''Xe đạp công cộng''),
    (3, N''port-operations'', CAST(1 AS bit), N''Reducing emissions from port operations'', N''Giảm phát thải từ hoạt động cảng''),
    (4, N''emissions-inventory'', CAST(1 AS bit), N''Developing an emissions inventory'', N''Xây dựng kiểm kê phát thải''),
    (5, N''low-emission-development'', CAST(1 AS bit), N''Low-emission urban development'', N''Phát triển đô thị phát thải thấp'')');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'CategoryCode', N'Reviewed', N'TitleEn', N'TitleVi') AND [object_id] = OBJECT_ID(N'[ActionListTemplates]'))
        SET IDENTITY_INSERT [ActionListTemplates] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'DescriptionEn', N'DescriptionVi', N'Order', N'TemplateId', N'TitleEn', N'TitleVi') AND [object_id] = OBJECT_ID(N'[TemplateActivities]'))
        SET IDENTITY_INSERT [TemplateActivities] ON;
    EXEC(N'INSERT INTO [TemplateActivities] ([Id], [DescriptionEn], [DescriptionVi], [Order], [TemplateId], [TitleEn], [TitleVi])
    VALUES (101, N''List establishments by equipment (chain-driven or under-fired charbroilers, woks, fryers) and fuel.'', N''Lập danh sách cơ sở theo thiết bị (lò nướng xích, lò nướng than phía dưới, chảo, nồi chiên) và nhiên liệu.'', 1, 1, N''Inventory restaurants and street vendors'', N''Kiểm kê nhà hàng và người bán hàng rong''),
    (102, N''Throughput × emission factor × control factor, following an area-source method.'', N''Sản lượng × hệ số phát thải × hệ số kiểm soát, theo phương pháp nguồn diện.'', 2, 1, N''Estimate cooking emissions'', N''Ước tính phát thải từ nấu nướng''),
    (103, N''Catalytic oxidisers, hoods and filters, cleaner fuels: cost and fit for local kitchens.'', N''Bộ xúc tác oxy hóa, chụp hút và bộ lọc, nhiên liệu sạch hơn: chi phí và mức phù hợp với bếp địa phương.'', 3, 1, N''Review control technologies'', N''Rà soát công nghệ kiểm soát''),
    (104, N''Compare charbroiling rules of other jurisdictions and what could apply locally.'', N''So sánh quy định về nướng thịt ở các địa phương khác và khả năng áp dụng tại địa phương.'', 4, 1, N''Review regulatory models'', N''Rà soát các mô hình quy định''),
    (105, N''Agree a small pilot of cleaner equipment or practices with willing vendors.'', N''Thống nhất một thí điểm nhỏ về thiết bị hoặc cách làm sạch hơn với những người bán hàng sẵn sàng tham gia.'', 5, 1, N''Pilot with a vendor association'', N''Thí điểm với hiệp hội người bán hàng''),
    (106, N''Training materials for vendors and options to finance equipment.'', N''Tài liệu đào tạo cho người bán hàng và các phương án tài chính cho thiết bị.'', 6, 1, N''Outreach, training and financing'', N''Truyền thông, đào tạo và tài chính''),
    (107, N''Simple records and an inspection routine to keep controls working.'', N''Hồ sơ đơn giản và quy trình kiểm tra để duy trì hiệu quả kiểm soát.'', 7, 1, N''Record-keeping and inspection'', N''Lưu hồ sơ và kiểm tra''),
    (201, N''What the system should achieve and how it will be measured.'', N''Hệ thống cần đạt được gì và đo lường như thế nào.'', 1, 2, N''Set goals and metrics'', N''Xác định mục tiêu và chỉ số''),
    (202, N''System type, weather, topography, cycling infrastructure, political and legal context.'', N''Loại hệ thống, thời tiết, địa hình, hạ tầng xe đạp, bối cảnh chính trị và pháp lý.'', 2, 2, N''Feasibility study'', N''Nghiên cứu khả thi''),
    (203, N''Station density and locations for the first phase.'', N''Mật độ và vị trí trạm cho giai đoạn đầu.'', 3, 2, N''Station and service-area plan'', N''Quy hoạch trạm và khu vực phục vụ''),
    (204, N''Ownership, operator contract, revenue and procurement steps.'', N''Sở hữu, hợp đồng vận hành, doanh thu và các bước mua sắm.'', 4, 2, N''Business and financial model, procurement'', N''Mô hình kinh doanh, tài chính và mua sắm''),
    (205, N''Stations at transit stops, fares and payment integration.'', N''Trạm tại điểm dừng giao thông công cộng, tích hợp giá vé và thanh toán.'', 5, 2, N''Integration with public transport'', N''Kết nối với giao thông công cộng''),
    (206, N''Launch plan and campaign to win first users.'', N''Kế hoạch ra mắt và chiến dịch thu hút người dùng đầu tiên.'', 6, 2, N''Launch and marketing'', N''Ra mắt và quảng bá''),
    (207, N''Regular ridership and maintenance reporting against the goals.'', N''Báo cáo định kỳ về lượt sử dụng và bảo trì so với mục tiêu.'', 7, 2, N''Monitor ridership'', N''Theo dõi lượt sử dụng''),
    (301, N''Ocean-going vessels, harbour craft, cargo-handling equipment, drayage trucks, rail.'', N''Tàu biển, tàu cảng, thiết bị xếp dỡ, xe tải vận chuyển, đường sắt.'', 1, 3, N''Port emissions inventory by sector'', N''Kiểm kê phát thải cảng theo lĩnh vực''),
    (302, N''Set up a forum with residents, port authority and operators.'', N''Thành lập diễn đàn với người dân, cảng vụ và doanh nghiệp khai thác.'', 2, 3, N''Community–port collaboration'', N''Hợp tác giữa cộng đồng và cảng''),
    (303, N''Shore power, vessel speed reduction, equipment replacement or retrofit.'', N''Điện bờ, giảm tốc độ tàu, thay thế hoặc cải tạo thiết bị.'', 3, 3, N''Emission-reduction plan'', N''Kế hoạch giảm phát thải''),
    (304, N''Grants, green port fees and incentives for cleaner equipment.'', N''Tài trợ, phí cảng xanh và ưu đãi cho thiết bị sạch hơn.'', 4, 3, N''Identify funding'', N''Xác định nguồn vốn''),
    (305, N''Indicators and a yearly update of the inventory.'', N''Các chỉ số và cập nhật kiểm kê hằng năm.'', 5, 3, N''Track progress'', N''Theo dõi tiến độ''),
    (401, N''Pollutants, base year and geographic domain.'', N''Chất ô nhiễm, năm cơ sở và phạm vi địa lý.'', 1, 4, N''Define scope'', N''Xác định phạm vi''),
    (402, N''Point, area, mobile and natural sources relevant to the city.'', N''Nguồn điểm, nguồn diện, nguồn di động và nguồn tự nhiên liên quan đến thành phố.'', 2, 4, N''List source categories'', N''Lập danh mục nguồn thải''),
    (403, N''Fuel use, traffic counts, industrial production and other activity data.'', N''Tiêu thụ nhiên liệu, lưu lượng giao thông, sản lượng công nghiệp và dữ liệu hoạt động khác.'', 3, 4, N''Collect activity data'', N''Thu thập dữ liệu hoạt động''),
    (404, N''Local measurements where possible, otherwise documented international factors.'', N''Ưu tiên số liệu đo đạc tại địa phương, nếu không thì dùng hệ số quốc tế có tài liệu.'', 4, 4, N''Choose emission factors'', N''Lựa chọn hệ số phát thải''),
    (405, N''Calculate emissions and run QA/QC checks.'', N''Tính toán phát thải và kiểm tra đảm bảo/kiểm soát chất lượng.'', 5, 4, N''Calculate and quality-check'', N''Tính toán và kiểm tra chất lượng''),
    (406, N''Grid the emissions and add time profiles for modelling.'', N''Phân bổ phát thải theo lưới và bổ sung biến trình thời gian cho mô hình hóa.'', 6, 4, N''Spatial and temporal allocation'', N''Phân bổ theo không gian và thời gian''),
    (407, N''Methods report and an update cycle; feed the clean air action plan.'', N''Báo cáo phương pháp và chu kỳ cập nhật; phục vụ kế hoạch hành động không khí sạch.'', 7, 4, N''Document and plan updates'', N''Lập tài liệu và kế hoạch cập nhật''),
    (501, N''Where emissions come from today and how the city is growing.'', N''Phát thải hiện nay đến từ đâu và thành phố đang phát triển ra sao.'', 1, 5, N''Baseline of transport and land-use emissions'', N''Đường cơ sở phát thải giao thông và sử dụng đất''),
    (502, N''Identify corridors and sites for transit-oriented development.'', N''Xác định các hành lang và khu vực cho phát triển định hướng giao thông công cộng.'', 2, 5, N''Compact, transit-oriented development'', N''Phát triển đô thị nén, định hướng giao thông công cộng''),
    (503, N''Walking and cycling networks and their priority projects.'', N''Mạng lưới đi bộ, xe đạp và các dự án ưu tiên.'', 3, 5, N''Non-motorised transport'', N''Giao thông phi cơ giới''),
    (504, N''Study a low-emission zone, including measures for high-pollution episodes.'', N''Nghiên cứu vùng phát thải thấp, kể cả biện pháp trong các đợt ô nhiễm cao.'', 4, 5, N''Low-emission zones'', N''Vùng phát thải thấp''),
    (505, N''Add air-quality checks to planning and permitting.'', N''Bổ sung yêu cầu về chất lượng không khí trong quy hoạch và cấp phép.'', 5, 5, N''Air quality in planning approvals'', N''Chất lượng không khí trong phê duyệt quy hoạch''),
    (506, N''Share air-quality data and advice with residents.'', N''Chia sẻ dữ liệu và khuyến cáo về chất lượng không khí với người dân.'', 6, 5, N''Public air-quality information'', N''Thông tin chất lượng không khí cho người dân'')');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'DescriptionEn', N'DescriptionVi', N'Order', N'TemplateId', N'TitleEn', N'TitleVi') AND [object_id] = OBJECT_ID(N'[TemplateActivities]'))
        SET IDENTITY_INSERT [TemplateActivities] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_ActionListAgreement_CityId] ON [ActionListAgreement] ([CityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_ActionListAgreement_RepresentativeId] ON [ActionListAgreement] ([RepresentativeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ActionListAgreement_VersionId_CityId] ON [ActionListAgreement] ([VersionId], [CityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_ActionListItem_OwnerCityId] ON [ActionListItem] ([OwnerCityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_ActionListItem_RevisesActivityId] ON [ActionListItem] ([RevisesActivityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_ActionListItem_TemplateActivityId] ON [ActionListItem] ([TemplateActivityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ActionListItem_VersionId_Number] ON [ActionListItem] ([VersionId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_ActionListTemplates_CategoryCode] ON [ActionListTemplates] ([CategoryCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ActionListVersions_PartnershipId_Number] ON [ActionListVersions] ([PartnershipId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_ActionListVersions_ProposedByCityId] ON [ActionListVersions] ([ProposedByCityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_ActivityUpdates_ActivityId_At] ON [ActivityUpdates] ([ActivityId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_ActivityUpdates_At] ON [ActivityUpdates] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_ActivityUpdates_RepresentativeId] ON [ActivityUpdates] ([RepresentativeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_Applications_CityId] ON [Applications] ([CityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_Applications_Status_Kind] ON [Applications] ([Status], [Kind]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_At] ON [AuditEntries] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_EntityType_EntityId] ON [AuditEntries] ([EntityType], [EntityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_Cities_CountryCode_Name] ON [Cities] ([CountryCode], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_ConversationMembers_AadObjectId] ON [ConversationMembers] ([AadObjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_ConversationMembers_UserId] ON [ConversationMembers] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_CoordinatorGrants_Identity] ON [CoordinatorGrants] ([Identity]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DirectLineActivities_ConversationId_ActivityId] ON [DirectLineActivities] ([ConversationId], [ActivityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_DirectLineActivities_ConversationId_Sequence] ON [DirectLineActivities] ([ConversationId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_DirectLineConversations_UserId] ON [DirectLineConversations] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_LaunchMeetings_PartnershipId_Number] ON [LaunchMeetings] ([PartnershipId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_LaunchMeetings_Status_StartsAt] ON [LaunchMeetings] ([Status], [StartsAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_MatchSuggestions_CandidateCityId] ON [MatchSuggestions] ([CandidateCityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_MatchSuggestions_LearningApplicationId_CandidateCityId] ON [MatchSuggestions] ([LearningApplicationId], [CandidateCityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_MatchSuggestions_MentorApplicationId] ON [MatchSuggestions] ([MentorApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_MatchSuggestions_PartnershipId] ON [MatchSuggestions] ([PartnershipId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_MatchSuggestions_Status_LearningApplicationId_Rank] ON [MatchSuggestions] ([Status], [LearningApplicationId], [Rank]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_MeetingRsvps_CityId] ON [MeetingRsvps] ([CityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_MeetingRsvps_LaunchMeetingId_RepresentativeId_Revision] ON [MeetingRsvps] ([LaunchMeetingId], [RepresentativeId], [Revision]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_MeetingRsvps_RepresentativeId] ON [MeetingRsvps] ([RepresentativeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OutboxMessages_IdempotencyKey] ON [OutboxMessages] ([IdempotencyKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_Status_DueAt] ON [OutboxMessages] ([Status], [DueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_Topic] ON [OutboxMessages] ([Topic]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_UpdateOfKey] ON [OutboxMessages] ([UpdateOfKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_PartnershipActivities_DueDate] ON [PartnershipActivities] ([DueDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_PartnershipActivities_OwnerCityId_Status] ON [PartnershipActivities] ([OwnerCityId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_PartnershipActivities_PartnershipId_Number] ON [PartnershipActivities] ([PartnershipId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_PartnershipActivities_TemplateActivityId] ON [PartnershipActivities] ([TemplateActivityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_PartnershipCities_ApplicationId] ON [PartnershipCities] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_PartnershipCities_CityId] ON [PartnershipCities] ([CityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_PartnershipResults_CityId] ON [PartnershipResults] ([CityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_PartnershipResults_ConsentToPublish] ON [PartnershipResults] ([ConsentToPublish]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PartnershipResults_PartnershipId_CityId] ON [PartnershipResults] ([PartnershipId], [CityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_PartnershipResults_RepresentativeId] ON [PartnershipResults] ([RepresentativeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_Partnerships_CategoryCode] ON [Partnerships] ([CategoryCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_Partnerships_Status] ON [Partnerships] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_ProcessedActivities_ProcessedAt] ON [ProcessedActivities] ([ProcessedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_Registrations_CityId] ON [Registrations] ([CityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_Registrations_RepresentativeId] ON [Registrations] ([RepresentativeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_Registrations_Status_SubmittedAt] ON [Registrations] ([Status], [SubmittedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ReminderSnoozes_ChannelId_UserId_Subject] ON [ReminderSnoozes] ([ChannelId], [UserId], [Subject]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_ReminderSnoozes_Until] ON [ReminderSnoozes] ([Until]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_RepresentativeIdentities_AadObjectId] ON [RepresentativeIdentities] ([AadObjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RepresentativeIdentities_ChannelId_UserId] ON [RepresentativeIdentities] ([ChannelId], [UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_RepresentativeIdentities_RepresentativeId] ON [RepresentativeIdentities] ([RepresentativeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_Representatives_CityId] ON [Representatives] ([CityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    CREATE INDEX [IX_TemplateActivities_TemplateId] ON [TemplateActivities] ([TemplateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123061447_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123061447_Initial', N'10.0.14');
END;

COMMIT;
GO


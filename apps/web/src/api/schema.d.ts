/**
 * Generated from the api's OpenAPI document by `npm run web:api`: do not edit by hand.
 * An e2e test (tests/e2e/console/api-types.e2e-spec.ts) fails when this file is not current.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness of the API and its PostgreSQL and Redis (503 when either is down) */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in: returns an access token for the Authorization header */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in for the console: the session is an httpOnly SameSite=Strict cookie; writes it carries need the X-Duban-Console: 1 header */
        post: operations["AuthController_startSession"];
        /** Sign out of the console: forgets this browser's session cookie */
        delete: operations["AuthController_endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, as the server has them now */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user (admin only); department users are bound to one department */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's display name, role or department (admin); a new role or department ends the user's sessions */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a user (admin): sign-in refused, sessions end at once */
        post: operations["UsersController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled user again (admin) */
        post: operations["UsersController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a user's password (admin): the user's sessions end, the account is unlocked */
        post: operations["UsersController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/sign-out-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of a user (admin): their tokens stop working */
        post: operations["UsersController_signOutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift the lock that failed sign-ins put on an account (admin) */
        post: operations["UsersController_unlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password: every session ends, and a token for a new one is returned */
        post: operations["OwnAccountController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out everywhere: every token of yours stops working */
        post: operations["OwnAccountController_signOutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The department directory, optionally filtered by name, short name or alias */
        get: operations["DepartmentsController_list"];
        put?: never;
        /** Add a department (the office) */
        post: operations["DepartmentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DepartmentsController_get"];
        put?: never;
        post?: never;
        /** Delete a department with no tasks and no users (admin) */
        delete: operations["DepartmentsController_remove"];
        options?: never;
        head?: never;
        /** Change name, short names, aliases, mail addresses, kind or parent (the office) */
        patch: operations["DepartmentsController_update"];
        trace?: never;
    };
    "/api/v1/departments/directory/load": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Load config/departments/*.yaml: create missing departments, update the others by name */
        post: operations["DepartmentsController_loadDirectory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plan-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest imports, newest first (no drafts: open one for that) */
        get: operations["PlanImportsController_list"];
        put?: never;
        /** Import a plan from posted text: returns the draft ledger for review */
        post: operations["PlanImportsController_fromText"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plan-imports/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a plan from an uploaded .txt (UTF-8) or .docx file (form field "file") */
        post: operations["PlanImportsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plan-imports/{id}/source": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The text the draft was read from (the tasks' spans point into it) */
        get: operations["PlanImportsController_source"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plan-imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The draft ledger with unresolved department names and suggestions */
        get: operations["PlanImportsController_get"];
        put?: never;
        post?: never;
        /** Discard a draft */
        delete: operations["PlanImportsController_discard"];
        options?: never;
        head?: never;
        /** Edit the draft: titles, deadlines, assignments, which items are tasks, name → department */
        patch: operations["PlanImportsController_edit"];
        trace?: never;
    };
    "/api/v1/plan-imports/{id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Commit the reviewed draft: creates the plan, tasks, assignments and TaskAssigned events */
        post: operations["PlanImportsController_commit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The task ledger: filters, deadline order, cursor pagination (departments see their own tasks) */
        get: operations["TasksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/ledger.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ledger under the list's filters as CSV (UTF-8 with BOM, Chinese headers) */
        get: operations["TasksController_ledgerCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/ledger.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ledger under the list's filters as a workbook coloured by light */
        get: operations["TasksController_ledgerXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A task with its assignments, progress reports, completions and extension requests */
        get: operations["TasksController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the deadline (TaskDeadlineChanged) or the title (the office) */
        patch: operations["TasksController_edit"];
        trace?: never;
    };
    "/api/v1/tasks/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail of a task: who, what, when, before/after */
        get: operations["TasksController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set lead and supporting departments (TaskAssigned / TaskUnassigned per change) */
        put: operations["TasksController_setAssignments"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 签收: the department acknowledges its assignment */
        post: operations["TaskWorkflowController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report progress (monthly by the due day; a report after it is recorded late) */
        post: operations["TaskWorkflowController_reportProgress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/completion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 办结: the lead department declares the task complete with evidence */
        post: operations["TaskWorkflowController_declareCompletion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/completion/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The office approves the declared completion with a quality rating (TaskCompleted) */
        post: operations["TaskWorkflowController_approveCompletion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/completion/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退办: the office returns the declared completion with a reason (TaskReopened) */
        post: operations["TaskWorkflowController_returnCompletion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 延期: ask, before the deadline, for a new date with reason and current progress */
        post: operations["TaskWorkflowController_requestExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/extensions/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve an extension: the deadline moves (ExtensionApproved, TaskDeadlineChanged) */
        post: operations["TaskWorkflowController_approveExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/extensions/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject an extension request */
        post: operations["TaskWorkflowController_rejectExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待审批: the office's queue of declared completions and extension requests, oldest first */
        get: operations["ApprovalsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open tasks by traffic light overall and per department (red overdue, yellow due within 7 working days) */
        get: operations["OverdueBoardController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/board/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open tasks with days overdue and traffic light, most overdue first */
        get: operations["OverdueBoardController_tasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Plans with their task counts */
        get: operations["PlansController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A plan with its goals (主要目标) and task counts by status */
        get: operations["PlansController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/ledger.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ledger (台账) as a workbook: 序号, 任务, 牵头单位, 配合单位, 完成时限, 最新进展, 状态, coloured by traffic light */
        get: operations["PlansController_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/ledger.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ledger (台账) as CSV (UTF-8 with BOM) */
        get: operations["PlansController_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scheduled, sent and failed reminders and 督办 notices per task and department, with their latest mail */
        get: operations["RemindersController_listReminders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed reminder again (its mail keeps its Message-ID) */
        post: operations["RemindersController_resendReminder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log: mails newest first, with state, attempts and the server reply of failures */
        get: operations["RemindersController_listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail-deliveries/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a failed mail back on the queue */
        post: operations["RemindersController_resendDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{year}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the year's assessment (a job); 409 while a run of the year is under way */
        post: operations["AssessmentsController_run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** State of one run (queued, running, succeeded, failed) */
        get: operations["AssessmentsController_getRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stored ranking of the year (ties share a rank; not assessed last) */
        get: operations["AssessmentsController_ranking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{year}/scheme": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year's scheme in force (config/assessment/<year>.yaml), as a run would read it */
        get: operations["AssessmentsController_scheme"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{year}/departments/{departmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One department's score, task by task, down to every delta (a department sees its own) */
        get: operations["AssessmentsController_breakdown"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{year}/tasks/{taskId}/deltas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every delta of one task in the stored results of the year */
        get: operations["AssessmentsController_taskDeltas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{year}/what-if": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rank the year under another scheme (the body, as in config/assessment/<year>.yaml); nothing is saved */
        post: operations["AssessmentsController_whatIf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/{year}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Build the .xlsx workbook or the HTML report of the stored run (a job) */
        post: operations["AssessmentsController_requestReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/reports/{reportId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AssessmentsController_getReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessments/reports/{reportId}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a ready report file */
        get: operations["AssessmentsController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        LoginDto: {
            /** @example duchashi */
            username: string;
            /** @example correct horse battery staple */
            password: string;
        };
        AuthUserDto: {
            /** @example 2b1d7c1e-8f3a-4c55-9a43-0e6f1c2d3b4a */
            id: string;
            /** @example fgw_zhang */
            username: string;
            /**
             * @example department
             * @enum {string}
             */
            role: "admin" | "supervisor" | "department" | "leader";
            /** @example 5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a */
            departmentId: string | null;
        };
        LoginResponseDto: {
            /** @example eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9… */
            accessToken: string;
            /** @example 28800 */
            expiresIn: number;
            user: components["schemas"]["AuthUserDto"];
        };
        SessionResponseDto: {
            /**
             * @description Seconds until the session cookie expires
             * @example 28800
             */
            expiresIn: number;
            user: components["schemas"]["AuthUserDto"];
        };
        CreateUserDto: {
            /**
             * @description Letters, digits, _ . - (3–50)
             * @example fgw_zhang
             */
            username: string;
            /** @example 张伟(市发展改革委) */
            displayName: string;
            /**
             * @description At least 10 characters; not only digits, a sequence, a common password or the user name. A phrase in Chinese counts in full.
             * @example 春风又绿江南岸明月何时照我还
             */
            password: string;
            /**
             * @example department
             * @enum {string}
             */
            role: "admin" | "supervisor" | "department" | "leader";
            /**
             * @description Required for the department role, absent otherwise
             * @example 5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a
             */
            departmentId?: string;
        };
        UserDto: {
            /** @example 2b1d7c1e-8f3a-4c55-9a43-0e6f1c2d3b4a */
            id: string;
            /** @example fgw_zhang */
            username: string;
            /** @example 张伟(市发展改革委) */
            displayName: string;
            /**
             * @example department
             * @enum {string}
             */
            role: "admin" | "supervisor" | "department" | "leader";
            /** @example 5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a */
            departmentId: string | null;
            /** @example true */
            active: boolean;
        };
        UpdateUserDto: {
            /** @example 张伟(市发展改革委) */
            displayName?: string;
            /**
             * @example department
             * @enum {string}
             */
            role?: "admin" | "supervisor" | "department" | "leader";
            /**
             * @description The department of a department user; null (or left out) when the role becomes another
             * @example 5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a
             */
            departmentId?: string | null;
        };
        ResetPasswordDto: {
            /**
             * @description At least 10 characters; not only digits, a sequence, a common password or the user name. A phrase in Chinese counts in full.
             * @example 春风又绿江南岸明月何时照我还
             */
            newPassword: string;
        };
        ChangePasswordDto: {
            /** @example the password used to sign in */
            currentPassword: string;
            /**
             * @description At least 10 characters; not only digits, a sequence, a common password or the user name. A phrase in Chinese counts in full.
             * @example 春风又绿江南岸明月何时照我还
             */
            newPassword: string;
        };
        DepartmentDto: {
            /** @example 5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a */
            id: string;
            /** @example 市发展改革委 */
            name: string;
            /**
             * @example [
             *       "发展改革委"
             *     ]
             */
            shortNames: string[];
            /**
             * @example [
             *       "市發展改革委"
             *     ]
             */
            aliases: string[];
            /**
             * @example [
             *       "fgw@wuzhou.gov.cn"
             *     ]
             */
            emails: string[];
            /**
             * @example government
             * @enum {string}
             */
            kind: "government" | "district" | "park" | "institution" | "collective" | "other";
            /** @example null */
            parentId: string | null;
        };
        CreateDepartmentDto: {
            /** @example 市发展改革委 */
            name: string;
            /**
             * @description Short names plans use without the 市/兵团 prefix
             * @example [
             *       "发展改革委",
             *       "发改委"
             *     ]
             */
            shortNames?: string[];
            /**
             * @description Other spellings confirmed by the office
             * @example [
             *       "市發展改革委"
             *     ]
             */
            aliases?: string[];
            /**
             * @example [
             *       "fgw@wuzhou.gov.cn"
             *     ]
             */
            emails?: string[];
            /**
             * @example government
             * @enum {string}
             */
            kind?: "government" | "district" | "park" | "institution" | "collective" | "other";
            /** @example null */
            parentId?: string | null;
        };
        UpdateDepartmentDto: {
            /** @example 市发展改革委 */
            name?: string;
            /**
             * @description Short names plans use without the 市/兵团 prefix
             * @example [
             *       "发展改革委",
             *       "发改委"
             *     ]
             */
            shortNames?: string[];
            /**
             * @description Other spellings confirmed by the office
             * @example [
             *       "市發展改革委"
             *     ]
             */
            aliases?: string[];
            /**
             * @example [
             *       "fgw@wuzhou.gov.cn"
             *     ]
             */
            emails?: string[];
            /**
             * @example government
             * @enum {string}
             */
            kind?: "government" | "district" | "park" | "institution" | "collective" | "other";
            /** @example null */
            parentId?: string | null;
        };
        DirectoryLoadResultDto: {
            /**
             * @example [
             *       "config/departments/seed-plans.yaml"
             *     ]
             */
            files: string[];
            /** @example 70 */
            created: number;
            /** @example 4 */
            updated: number;
        };
        PostPlanTextDto: {
            /**
             * @example 一、主要任务
             *     (一)加快产业发展。到2020年产值达到300亿元。(市发展改革委牵头,市科技局配合)
             */
            text: string;
            /** @example 梧州市新兴产业发展实施方案.txt */
            fileName?: string;
            /**
             * @description Import a document already imported as a new version
             * @example false
             */
            newVersion?: boolean;
        };
        ImportSummaryDto: {
            /** @example 9d1c7e2f-1b2a-4c55-9a43-0e6f1c2d3b4a */
            id: string;
            /**
             * @example draft
             * @enum {string}
             */
            state: "draft" | "committed" | "discarded";
            /** @example 1 */
            rowVersion: number;
            /** @example 62 */
            taskCount: number;
            /**
             * @description Names the office still has to map to a department
             * @example [
             *       "工信委"
             *     ]
             */
            unresolved: string[];
            /** @example null */
            planId: Record<string, never> | null;
            /** @description The review document: tasks, departments with suggestions, goals, warnings */
            draft: Record<string, never>;
        };
        ImportListItemDto: {
            /** @example 9d1c7e2f-1b2a-4c55-9a43-0e6f1c2d3b4a */
            id: string;
            /** @example 梧州市新兴产业发展实施方案.txt */
            fileName: string | null;
            /** @example 梧州市加快新兴产业发展实施方案 */
            title: string | null;
            /**
             * @example draft
             * @enum {string}
             */
            state: "draft" | "committed" | "discarded";
            /**
             * @description Items kept as tasks
             * @example 62
             */
            taskCount: number;
            /** @example null */
            planId: string | null;
            /** @example 2026-12-06T02:57:00.000Z */
            createdAt: string;
        };
        ImportSourceDto: {
            /** @example 梧州市新兴产业发展实施方案.txt */
            fileName: string | null;
            /**
             * @example 梧州市加快新能源产业发展实施方案
             *     一、主要任务
             *     …
             */
            text: string;
        };
        TaskEditDto: {
            /** @example 三.(一).2 */
            number: string;
            /**
             * @description false drops the item from the ledger
             * @example true
             */
            include?: boolean;
            /** @example 加快新能源汽车产业发展 */
            title?: string;
            /** @example 2026-12-31 */
            deadline?: string | null;
            /**
             * @description Names as written or directory names
             * @example [
             *       "市发展改革委"
             *     ]
             */
            lead?: string[];
            /**
             * @example [
             *       "市科技局",
             *       "相关部门"
             *     ]
             */
            support?: string[];
        };
        AddTaskDto: {
            /**
             * @description Its number in the ledger; the api numbers it 补充.N when absent
             * @example 补充.1
             */
            number?: string;
            /** @example 建立新能源产业项目库 */
            title: string;
            /** @example 2026-12-31 */
            deadline?: string | null;
            /**
             * @example [
             *       "市发展改革委"
             *     ]
             */
            lead: string[];
            /**
             * @example [
             *       "市科技局"
             *     ]
             */
            support?: string[];
        };
        ResolveNameDto: {
            /** @example 工信委 */
            written: string;
            /** @example 5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a */
            departmentId: string;
            /**
             * @description Remember the spelling as an alias of the department on commit
             * @example true
             */
            remember?: boolean;
        };
        EditImportDto: {
            /**
             * @description The rowVersion the edit is based on; a stale one gets 409
             * @example 1
             */
            rowVersion: number;
            /** @example 梧州市加快新兴产业发展实施方案 */
            title?: string;
            tasks?: components["schemas"]["TaskEditDto"][];
            /** @description Tasks to add to the draft */
            add?: components["schemas"]["AddTaskDto"][];
            resolve?: components["schemas"]["ResolveNameDto"][];
        };
        CommitImportDto: {
            /**
             * @description The rowVersion reviewed; a stale one gets 409
             * @example 3
             */
            rowVersion: number;
        };
        TaskAssignmentRowDto: {
            departmentId: string;
            /** @example 市发展改革委 */
            name: string;
            /** @enum {string} */
            role: "lead" | "support";
            /** @description The department has acknowledged (签收) the assignment */
            acknowledged: boolean;
        };
        TaskRowDto: {
            id: string;
            planId: string;
            /** @example 梧州市新兴产业发展实施方案 */
            planTitle: string;
            /** @example 三.(一).2 */
            number: string;
            /** @example 加快新能源汽车产业发展 */
            title: string;
            /** @example 2026-12-31 */
            deadline: string | null;
            /** @example 到2026年底 */
            deadlinePhrase: string | null;
            /** @enum {string} */
            status: "open" | "completion_pending" | "completed" | "cancelled";
            /**
             * @description The board's light today for an open task; null once completed or cancelled
             * @enum {string|null}
             */
            light: "red" | "yellow" | "green" | null;
            /** @example 1 */
            rowVersion: number;
            /** @description Lead departments first, by name */
            assignments: components["schemas"]["TaskAssignmentRowDto"][];
        };
        TaskPageDto: {
            items: components["schemas"]["TaskRowDto"][];
            /** @description Pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
        };
        TaskTargetDto: {
            /** @example 力争工业总产值达到80亿元 */
            phrase: string;
            /** @example 工业总产值 */
            indicator: string | null;
            /** @example 80 */
            value: number | null;
            /** @example 亿元 */
            unit: string | null;
            /** @enum {string|null} */
            comparator: "at_least" | "at_most" | "equal" | null;
            /** @example 2026 */
            year: number | null;
        };
        TaskPlanRefDto: {
            id: string;
            /** @example 梧州市新兴产业发展实施方案 */
            title: string;
            /** @example 梧政发〔2026〕3号 */
            docNumber: string | null;
        };
        TaskAssignmentDetailDto: {
            departmentId: string;
            /** @example 市发展改革委 */
            name: string;
            /** @enum {string} */
            role: "lead" | "support";
            /** @example 2026-03-01T01:00:00.000Z */
            assignedAt: string;
            /** @description 签收 time; null until acknowledged */
            acknowledgedAt: string | null;
        };
        ProgressReportRowDto: {
            id: string;
            departmentId: string;
            /** @example 市发展改革委 */
            department: string;
            /** @example 2026-11 */
            period: string;
            /** @example 已完成项目选址。 */
            text: string;
            /** @example 40 */
            percent: number;
            indicatorValues: {
                [key: string]: number;
            };
            /** @enum {string} */
            state: "on_time" | "late";
            reportedAt: string;
        };
        CompletionRowDto: {
            id: string;
            departmentId: string;
            /** @example 项目已建成投产。 */
            evidence: string;
            /** @enum {string} */
            state: "pending" | "approved" | "returned";
            /** @enum {string|null} */
            rating: "excellent" | "good" | "fair" | "poor" | null;
            /** @description The 退办 reason */
            decisionReason: string | null;
            declaredAt: string;
            decidedAt: string | null;
        };
        ExtensionRowDto: {
            id: string;
            departmentId: string;
            /** @example 2026-12-31 */
            previousDeadline: string;
            /** @example 2027-03-31 */
            requestedDeadline: string;
            reason: string;
            progress: string;
            /** @enum {string} */
            state: "pending" | "approved" | "rejected";
            decisionNote: string | null;
            createdAt: string;
            decidedAt: string | null;
        };
        TaskDetailDto: {
            id: string;
            /** @example 三.(一).2 */
            number: string;
            /** @example 3 */
            level: number;
            /** @example 加快新能源汽车产业发展 */
            title: string;
            body: string;
            /** @example 2026-12-31 */
            deadline: string | null;
            /** @example 到2026年底 */
            deadlinePhrase: string | null;
            /** @enum {string} */
            recurrence: "none" | "yearly";
            /** @enum {string} */
            status: "open" | "completion_pending" | "completed" | "cancelled";
            targets: components["schemas"]["TaskTargetDto"][];
            completedAt: string | null;
            /** @enum {string|null} */
            qualityRating: "excellent" | "good" | "fair" | "poor" | null;
            /** @example 3 */
            rowVersion: number;
            parentId: string | null;
            plan: components["schemas"]["TaskPlanRefDto"];
            assignments: components["schemas"]["TaskAssignmentDetailDto"][];
            /** @description Newest first, at most 50 */
            progress: components["schemas"]["ProgressReportRowDto"][];
            completions: components["schemas"]["CompletionRowDto"][];
            extensions: components["schemas"]["ExtensionRowDto"][];
        };
        TaskHistoryEntryDto: {
            id: string;
            at: string;
            /**
             * @description A user name, or a service (scheduler)
             * @example zhang.san
             */
            actor: string;
            actorUserId: string | null;
            /** @example progress.report */
            action: string;
            before: {
                [key: string]: unknown;
            } | null;
            after: {
                [key: string]: unknown;
            } | null;
            eventIds: string[];
        };
        EditTaskDto: {
            /**
             * @description The rowVersion the edit is based on; a stale one gets 409
             * @example 2
             */
            rowVersion: number;
            /** @example 2026-12-31 */
            deadline?: Record<string, never> | null;
            /** @example 加快新能源汽车产业发展 */
            title?: string;
        };
        EditedTaskDto: {
            id: string;
            /** @example 2026-12-31 */
            deadline: Record<string, never> | null;
            /** @example 加快新能源汽车产业发展 */
            title: string;
            /**
             * @description The version to base the next edit on
             * @example 3
             */
            rowVersion: number;
        };
        SetAssignmentsDto: {
            /** @example 2 */
            rowVersion: number;
            /**
             * @example [
             *       "5f0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a"
             *     ]
             */
            lead: string[];
            /** @example [] */
            support: string[];
        };
        AcknowledgedDto: {
            /** @example 2026-03-02T01:00:00.000Z */
            acknowledgedAt: string;
        };
        ProgressReportDto: {
            /** @example 已完成项目选址,正在开展可行性研究。 */
            text: string;
            /** @example 40 */
            percent: number;
            /**
             * @description Reporting month (YYYY-MM); this month when absent
             * @example 2026-11
             */
            period?: string;
            /**
             * @description Values against the task targets, by indicator
             * @example {
             *       "工业总产值": 45.5
             *     }
             */
            indicatorValues?: Record<string, never>;
        };
        ProgressReportedDto: {
            id: string;
            /** @example 2026-11 */
            period: string;
            /** @enum {string} */
            state: "on_time" | "late";
            /** @example 40 */
            percent: number;
        };
        DeclareCompletionDto: {
            /** @example 项目已建成投产,验收报告见附件。 */
            evidence: string;
        };
        CompletionDeclaredDto: {
            completionId: string;
            /** @enum {string} */
            status: "completion_pending";
        };
        ApproveCompletionDto: {
            /**
             * @description 优 excellent / 良 good / 中 fair / 差 poor
             * @example excellent
             * @enum {string}
             */
            rating: "excellent" | "good" | "fair" | "poor";
        };
        CompletionDecidedDto: {
            /** @enum {string} */
            status: "completed" | "open";
            /** @enum {string} */
            rating?: "excellent" | "good" | "fair" | "poor";
            /** @description The 退办 reason */
            reason?: string;
        };
        ReturnCompletionDto: {
            /** @example 佐证材料不全,请补充验收报告。 */
            reason: string;
        };
        RequestExtensionDto: {
            /** @example 2027-03-31 */
            requestedDeadline: string;
            /** @example 受用地审批影响,工期顺延。 */
            reason: string;
            /** @example 主体工程已完成70%。 */
            progress: string;
        };
        ExtensionRequestedDto: {
            id: string;
            /** @enum {string} */
            state: "pending";
        };
        DecideExtensionDto: {
            /** @example 同意延期至2027年3月底。 */
            note?: string;
        };
        ExtensionDecidedDto: {
            /** @enum {string} */
            state: "approved" | "rejected";
            /**
             * @description The new deadline, when approved
             * @example 2027-03-31
             */
            deadline?: string;
        };
        ApprovalCountsDto: {
            completion: number;
            extension: number;
        };
        ApprovalTaskDto: {
            id: string;
            /** @example 三.(一).2 */
            number: string;
            /** @example 推进重大项目建设 */
            title: string;
            /**
             * @description The task version, for edits that check it
             * @example 4
             */
            rowVersion: number;
        };
        ApprovalDepartmentDto: {
            id: string;
            /** @example 市发展改革委 */
            name: string;
        };
        ApprovalExtensionDto: {
            /** @example 2026-12-31 */
            previousDeadline: string | null;
            /** @example 2027-03-31 */
            requestedDeadline: string;
            /** @example 受用地审批影响,工期顺延。 */
            reason: string;
            /** @example 主体工程已完成70%。 */
            progress: string;
        };
        ApprovalItemDto: {
            /** @enum {string} */
            kind: "completion" | "extension";
            /** @description The completion id or the extension request id */
            id: string;
            task: components["schemas"]["ApprovalTaskDto"];
            department: components["schemas"]["ApprovalDepartmentDto"];
            /** @example 2026-11-20T02:00:00.000Z */
            submittedAt: string;
            /**
             * @description Whole days waiting, by the Beijing calendar
             * @example 3
             */
            ageDays: number;
            /** @description A completion: its evidence */
            evidence: string | null;
            /** @description An extension request */
            extension: components["schemas"]["ApprovalExtensionDto"] | null;
        };
        ApprovalsDto: {
            /**
             * @description Today in Beijing: the ages count to it
             * @example 2026-11-22
             */
            asOf: string;
            /** @description Everything pending, by kind (no limit) */
            counts: components["schemas"]["ApprovalCountsDto"];
            /** @description Oldest first */
            items: components["schemas"]["ApprovalItemDto"][];
        };
        LightCountsDto: {
            /** @example 40 */
            open: number;
            /** @example 6 */
            red: number;
            /** @example 4 */
            yellow: number;
            /** @example 30 */
            green: number;
        };
        DepartmentCountsDto: {
            /** @example 40 */
            open: number;
            /** @example 6 */
            red: number;
            /** @example 4 */
            yellow: number;
            /** @example 30 */
            green: number;
            departmentId: string;
            /** @example 市发展改革委 */
            name: string;
            /**
             * @description Open assignments not yet acknowledged (签收)
             * @example 2
             */
            unacknowledged: number;
        };
        BoardDto: {
            /**
             * @description YYYY-MM-DD (Asia/Shanghai)
             * @example 2026-11-22
             */
            asOf: string;
            /**
             * @description The last date still yellow
             * @example 2026-12-01
             */
            yellowUntil: string;
            /** @description The year's holidays are not published: weekends only */
            provisional: boolean;
            totals: components["schemas"]["LightCountsDto"];
            /** @description Worst first */
            departments: components["schemas"]["DepartmentCountsDto"][];
        };
        BoardTaskDto: {
            taskId: string;
            /** @example 三.(一).2 */
            number: string;
            /** @example 加快新能源汽车产业发展 */
            title: string;
            /** @example 梧州市新兴产业发展实施方案 */
            planTitle: string;
            /** @example 2026-12-31 */
            deadline: string | null;
            /** @example 12 */
            daysOverdue: number;
            /** @enum {string} */
            light: "red" | "yellow" | "green";
            /**
             * @example [
             *       "市发展改革委"
             *     ]
             */
            lead: string[];
            /**
             * @example [
             *       "市科技局"
             *     ]
             */
            support: string[];
            /** @description Departments that have not acknowledged */
            unacknowledged: string[];
        };
        BoardTasksDto: {
            /**
             * @description YYYY-MM-DD (Asia/Shanghai)
             * @example 2026-11-22
             */
            asOf: string;
            /**
             * @description The last date still yellow
             * @example 2026-12-01
             */
            yellowUntil: string;
            /** @description The year's holidays are not published: weekends only */
            provisional: boolean;
            /** @description Most overdue first */
            tasks: components["schemas"]["BoardTaskDto"][];
        };
        ReminderDto: {
            id: string;
            taskId: string;
            /** @example 建设孵化器 */
            taskTitle: string;
            departmentId: string;
            /** @example 市科技局 */
            departmentName: string;
            /**
             * @example notice_orange
             * @enum {string}
             */
            kind: "acknowledgement" | "pre_deadline" | "due_day" | "notice_blue" | "notice_orange" | "notice_red" | "report_due" | "report_missed";
            /** Format: date-time */
            fireAt: string;
            /**
             * @example failed
             * @enum {string}
             */
            state: "scheduled" | "cancelled" | "fired" | "sent" | "failed";
            /** @description Fired by a calendar whose holidays were not published yet */
            provisional: boolean;
            /** @example 督办〔2026〕1号 */
            noticeNumber: string | null;
            /** @description The latest mail carrying it */
            deliveryId: string | null;
            /** @enum {string|null} */
            deliveryState: "pending" | "sending" | "sent" | "failed" | null;
            /** @example 550 5.1.1 Mailbox does not exist */
            lastError: string | null;
        };
        ReminderResentDto: {
            reminderId: string;
            /** @description The failed mail put back on the queue */
            deliveryId: string;
        };
        DeliveryDto: {
            id: string;
            /** @example <4f1c…@duban> */
            messageId: string;
            departmentId: string | null;
            /** @example 市科技局 */
            departmentName: string | null;
            reminderIds: string[];
            /**
             * @example [
             *       "kjj@example.gov.cn"
             *     ]
             */
            recipients: string[];
            cc: string[];
            /** @example 【督办〔2026〕1号】蓝色提醒 */
            subject: string;
            /**
             * @example failed
             * @enum {string}
             */
            state: "pending" | "sending" | "sent" | "failed";
            /** @example 1 */
            attempts: number;
            /** @example 550 5.1.1 Mailbox does not exist */
            lastError: string | null;
            /** Format: date-time */
            sentAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        RunAssessmentDto: {
            /**
             * @description Scoring date (YYYY-MM-DD, Asia/Shanghai); default today
             * @example 2026-01-15
             */
            asOf?: string;
        };
        RunViewDto: {
            runId: string;
            /** @example 2025 */
            year: number;
            /** @enum {string} */
            state: "queued" | "running" | "succeeded" | "failed";
            /** @example 2026-01-15 */
            asOf: string;
            schemeId: string;
            requestedAt: string;
            startedAt: string | null;
            finishedAt: string | null;
            assessedCount: number | null;
            notAssessedCount: number | null;
            deltaCount: number | null;
            error: string | null;
        };
        RankingEntryDto: {
            /** @description Ties share a rank */
            rank: number | null;
            departmentId: string;
            departmentName: string;
            /** @enum {string} */
            status: "assessed" | "not_assessed";
            score: number | null;
            notAssessedReason: string | null;
        };
        StoredRankingDto: {
            year: number;
            runId: string;
            asOf: string;
            /** @example points */
            method: string;
            schemeId: string;
            /** @example config/assessment/2025.yaml */
            schemeSource: string;
            computedAt: string;
            departments: components["schemas"]["RankingEntryDto"][];
        };
        SchemeCountsDto: {
            onTime: boolean;
            overdue: boolean;
            lateReport: boolean;
            missedReport: boolean;
            quality: boolean;
        };
        RolePointsDto: {
            lead: number;
            support: number;
        };
        QualityRatingsDto: {
            excellent: number;
            good: number;
            fair: number;
            poor: number;
        };
        QualityRuleDto: {
            appliesTo: ("lead" | "support")[];
            ratings: components["schemas"]["QualityRatingsDto"];
        };
        PointsSectionDto: {
            base: number;
            cap: number;
            floor: number;
            onTime: components["schemas"]["RolePointsDto"];
            /** @description Penalties, ≤ 0 */
            overdue: components["schemas"]["RolePointsDto"];
            lateReport: number;
            missedReport: number;
            quality: components["schemas"]["QualityRuleDto"];
        };
        LatenessDto: {
            decayPerCalendarDay: number;
            creditFloor: number;
        };
        WeightedShareSectionDto: {
            weights: components["schemas"]["RolePointsDto"];
            lateness: components["schemas"]["LatenessDto"];
        };
        AssessmentSchemeDto: {
            /** @example 2025 */
            year: number;
            /** @enum {string} */
            method: "points" | "weighted-share";
            counts: components["schemas"]["SchemeCountsDto"];
            /** @description method points */
            points?: components["schemas"]["PointsSectionDto"];
            /** @description method weighted-share */
            weightedShare?: components["schemas"]["WeightedShareSectionDto"];
        };
        YearSchemeDto: {
            /** @example config/assessment/2025.yaml */
            source: string;
            scheme: components["schemas"]["AssessmentSchemeDto"];
        };
        ShareDetailDto: {
            weight: number;
            credit: number;
            daysLate: number;
        };
        DeltaViewDto: {
            taskId: string | null;
            eventId: string | null;
            /** @enum {string} */
            rule: "on_time" | "completed_late" | "overdue_open" | "late_report" | "missed_report" | "quality_excellent" | "quality_good" | "quality_fair" | "quality_poor" | "cap" | "floor";
            /** @enum {string|null} */
            role: "lead" | "support" | null;
            points: number;
            date: string;
            deadline: string | null;
            period: string | null;
            share: components["schemas"]["ShareDetailDto"] | null;
        };
        TaskBreakdownDto: {
            taskId: string;
            title: string | null;
            numberPath: string | null;
            /** @description Sum of the deltas */
            points: number;
            deltas: components["schemas"]["DeltaViewDto"][];
        };
        DepartmentBreakdownDto: {
            year: number;
            runId: string;
            departmentId: string;
            departmentName: string;
            /** @enum {string} */
            status: "assessed" | "not_assessed";
            rank: number | null;
            base: number | null;
            rawScore: number | null;
            score: number | null;
            notAssessedReason: string | null;
            tasks: components["schemas"]["TaskBreakdownDto"][];
            /** @description The cap or floor adjustment */
            adjustments: components["schemas"]["DeltaViewDto"][];
        };
        TaskDeltaViewDto: {
            taskId: string | null;
            eventId: string | null;
            /** @enum {string} */
            rule: "on_time" | "completed_late" | "overdue_open" | "late_report" | "missed_report" | "quality_excellent" | "quality_good" | "quality_fair" | "quality_poor" | "cap" | "floor";
            /** @enum {string|null} */
            role: "lead" | "support" | null;
            points: number;
            date: string;
            deadline: string | null;
            period: string | null;
            share: components["schemas"]["ShareDetailDto"] | null;
            departmentId: string;
            departmentName: string;
        };
        WhatIfEntryDto: {
            /** @description Ties share a rank */
            rank: number | null;
            departmentId: string;
            departmentName: string;
            /** @enum {string} */
            status: "assessed" | "not_assessed";
            score: number | null;
            notAssessedReason: string | null;
            rankBefore: number | null;
            /** @description Places gained (+) or lost (−); null when unranked on either side */
            rankChange: number | null;
            scoreBefore: number | null;
        };
        WhatIfResultDto: {
            year: number;
            asOf: string;
            method: string;
            /** @enum {string} */
            comparedWith: "stored-run" | "year-scheme";
            departments: components["schemas"]["WhatIfEntryDto"][];
        };
        RequestReportDto: {
            /** @enum {string} */
            format: "xlsx" | "html";
        };
        ReportViewDto: {
            reportId: string;
            runId: string;
            year: number;
            /** @enum {string} */
            format: "xlsx" | "html";
            /** @enum {string} */
            state: "queued" | "ready" | "failed";
            byteSize: number | null;
            error: string | null;
            requestedAt: string;
            readyAt: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            /** @description Wrong user name or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many failed sign-ins for the user name or from the address (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_startSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponseDto"];
                };
            };
            /** @description Wrong user name or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many failed sign-ins for the user name or from the address (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_endSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthUserDto"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"][];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description User name taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description No such user or department */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
        };
    };
    UsersController_enable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
        };
    };
    UsersController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
        };
    };
    UsersController_signOutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
        };
    };
    UsersController_unlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
        };
    };
    OwnAccountController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            /** @description The current password is wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OwnAccountController_signOutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DepartmentsController_list: {
        parameters: {
            query?: {
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentDto"][];
                };
            };
        };
    };
    DepartmentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDepartmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentDto"];
                };
            };
            /** @description Name taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DepartmentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DepartmentsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The department still has tasks or users */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DepartmentsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDepartmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentDto"];
                };
            };
        };
    };
    DepartmentsController_loadDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryLoadResultDto"];
                };
            };
        };
    };
    PlanImportsController_list: {
        parameters: {
            query?: {
                state?: "draft" | "committed" | "discarded";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportListItemDto"][];
                };
            };
        };
    };
    PlanImportsController_fromText: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostPlanTextDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportSummaryDto"];
                };
            };
            /** @description The document was imported before (send newVersion: true for a new version) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Larger than 5 MB, or more characters than imports.maxTextChars */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Empty, binary or non-UTF-8 text, or no numbered tasks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PlanImportsController_upload: {
        parameters: {
            query?: {
                newVersion?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportSummaryDto"];
                };
            };
        };
    };
    PlanImportsController_source: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportSourceDto"];
                };
            };
        };
    };
    PlanImportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportSummaryDto"];
                };
            };
        };
    };
    PlanImportsController_discard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PlanImportsController_edit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditImportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportSummaryDto"];
                };
            };
            /** @description Stale rowVersion, or the import is no longer a draft */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PlanImportsController_commit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommitImportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportSummaryDto"];
                };
            };
            /** @description Names not yet mapped to departments */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_list: {
        parameters: {
            query?: {
                planId?: string;
                /** @description Tasks this department is assigned to (department users: always their own) */
                departmentId?: string;
                /** @description With departmentId: only tasks it leads / supports */
                role?: "lead" | "support";
                status?: "open" | "completion_pending" | "completed" | "cancelled";
                deadlineFrom?: string;
                deadlineTo?: string;
                /** @description Only open tasks past their deadline */
                overdue?: boolean;
                /** @description Only open tasks of this traffic light today (the board's rule: red overdue, yellow due within 7 working days) */
                light?: "red" | "yellow" | "green";
                /** @description Words in the number, title or body */
                q?: string;
                /** @description The nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPageDto"];
                };
            };
        };
    };
    TasksController_ledgerCsv: {
        parameters: {
            query?: {
                planId?: string;
                /** @description Tasks this department is assigned to (department users: always their own) */
                departmentId?: string;
                /** @description With departmentId: only tasks it leads / supports */
                role?: "lead" | "support";
                status?: "open" | "completion_pending" | "completed" | "cancelled";
                deadlineFrom?: string;
                deadlineTo?: string;
                /** @description Only open tasks past their deadline */
                overdue?: boolean;
                /** @description Only open tasks of this traffic light today (the board's rule: red overdue, yellow due within 7 working days) */
                light?: "red" | "yellow" | "green";
                /** @description Words in the number, title or body */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description role without departmentId */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_ledgerXlsx: {
        parameters: {
            query?: {
                planId?: string;
                /** @description Tasks this department is assigned to (department users: always their own) */
                departmentId?: string;
                /** @description With departmentId: only tasks it leads / supports */
                role?: "lead" | "support";
                status?: "open" | "completion_pending" | "completed" | "cancelled";
                deadlineFrom?: string;
                deadlineTo?: string;
                /** @description Only open tasks past their deadline */
                overdue?: boolean;
                /** @description Only open tasks of this traffic light today (the board's rule: red overdue, yellow due within 7 working days) */
                light?: "red" | "yellow" | "green";
                /** @description Words in the number, title or body */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description role without departmentId */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDetailDto"];
                };
            };
            /** @description Your department is not assigned to the task */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_edit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditTaskDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EditedTaskDto"];
                };
            };
            /** @description Stale rowVersion, or the task is closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TasksController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskHistoryEntryDto"][];
                };
            };
        };
    };
    TasksController_setAssignments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetAssignmentsDto"];
            };
        };
        responses: {
            /** @description Stale rowVersion */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskWorkflowController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcknowledgedDto"];
                };
            };
            /** @description Already acknowledged */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskWorkflowController_reportProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgressReportDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressReportedDto"];
                };
            };
            /** @description Your department is not assigned to the task */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The task is closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskWorkflowController_declareCompletion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclareCompletionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompletionDeclaredDto"];
                };
            };
            /** @description A supporting department, or the task is not open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskWorkflowController_approveCompletion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveCompletionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompletionDecidedDto"];
                };
            };
            /** @description Nothing waits for a decision (e.g. already completed) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskWorkflowController_returnCompletion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnCompletionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompletionDecidedDto"];
                };
            };
        };
    };
    TaskWorkflowController_requestExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestExtensionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtensionRequestedDto"];
                };
            };
            /** @description Deadline passed, task closed, or a request already waits */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TaskWorkflowController_approveExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideExtensionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtensionDecidedDto"];
                };
            };
        };
    };
    TaskWorkflowController_rejectExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideExtensionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtensionDecidedDto"];
                };
            };
        };
    };
    ApprovalsController_list: {
        parameters: {
            query?: {
                /** @description completion: 办结申报; extension: 延期申请 */
                kind?: "completion" | "extension";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalsDto"];
                };
            };
        };
    };
    OverdueBoardController_summary: {
        parameters: {
            query?: {
                /** @description The board as of this date (Asia/Shanghai); today when absent */
                asOf?: string;
                /** @description One department (department users: always their own) */
                departmentId?: string;
                /** @description One plan */
                planId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardDto"];
                };
            };
        };
    };
    OverdueBoardController_tasks: {
        parameters: {
            query?: {
                /** @description The board as of this date (Asia/Shanghai); today when absent */
                asOf?: string;
                /** @description One department (department users: always their own) */
                departmentId?: string;
                /** @description One plan */
                planId?: string;
                light?: "red" | "yellow" | "green";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardTasksDto"];
                };
            };
        };
    };
    PlansController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PlansController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PlansController_xlsx: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PlansController_csv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RemindersController_listReminders: {
        parameters: {
            query?: {
                taskId?: string;
                /** @description Department users: always their own */
                departmentId?: string;
                state?: "scheduled" | "cancelled" | "fired" | "sent" | "failed";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderDto"][];
                };
            };
        };
    };
    RemindersController_resendReminder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderResentDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Only a failed reminder can be resent */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RemindersController_listDeliveries: {
        parameters: {
            query?: {
                state?: "pending" | "sending" | "sent" | "failed";
                departmentId?: string;
                taskId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDto"][];
                };
            };
        };
    };
    RemindersController_resendDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Only a failed mail can be resent */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AssessmentsController_run: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RunAssessmentDto"];
            };
        };
        responses: {
            /** @description The run, queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunViewDto"];
                };
            };
            /** @description A run of the year is queued or running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No scheme for the year, or an invalid one */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AssessmentsController_getRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunViewDto"];
                };
            };
        };
    };
    AssessmentsController_ranking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ranking */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredRankingDto"];
                };
            };
        };
    };
    AssessmentsController_scheme: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["YearSchemeDto"];
                };
            };
            /** @description No scheme for the year, or an invalid one */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AssessmentsController_breakdown: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
                departmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentBreakdownDto"];
                };
            };
        };
    };
    AssessmentsController_taskDeltas: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDeltaViewDto"][];
                };
            };
        };
    };
    AssessmentsController_whatIf: {
        parameters: {
            query?: {
                asOf?: string;
            };
            header?: never;
            path: {
                year: string;
            };
            cookie?: never;
        };
        /** @description An assessment scheme */
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssessmentSchemeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhatIfResultDto"];
                };
            };
            /** @description Invalid scheme: each bad field is named */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AssessmentsController_requestReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestReportDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportViewDto"];
                };
            };
        };
    };
    AssessmentsController_getReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportViewDto"];
                };
            };
        };
    };
    AssessmentsController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}

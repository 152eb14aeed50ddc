// Lesson 3's checks, each with its step skipped and done, through the contract: the resolver
// counts once the client's console showed it, the new address once the server was re-created.
import { describeLessonChecks } from '../../../../test/support/lesson-driver';

describeLessonChecks('user-networks', ['dns', 'talk', 'recreate', 'reconnect'], {
  dns: /has not shown the file yet/,
  recreate: /has not been re-created yet/,
});

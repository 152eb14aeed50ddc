// Lesson 2's checks, each with its step skipped and done, through the contract: the hosts line
// and the variables count once the client's console showed them, the re-create once it happened.
import { describeLessonChecks } from '../../../../test/support/lesson-driver';

describeLessonChecks('legacy-links', ['hosts', 'env', 'talk', 'one-way', 'recreate'], {
  hosts: /has not shown the file yet/,
  // Before any re-create it once said "matches the new server".
  recreate: /has not been re-created yet/,
});

// Lesson 4's checks, each with its step skipped and done, through the contract.
import { describeLessonChecks } from '../../../../test/support/lesson-driver';

describeLessonChecks('bind-addresses', ['loopback', 'any']);

// Lesson 1's checks, each with its step skipped and done, through the contract.
import { describeLessonChecks } from '../../../../test/support/lesson-driver';

describeLessonChecks('through-host', ['listen', 'connect', 'send']);
